package sextant.alpaca;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import sextant.core.market.AssetClass;
import sextant.core.market.Instrument;

/**
 * The only place that translates symbols between Sextant and Alpaca. Sextant's symbols never contain a slash
 * ({@code BTCUSD}); Alpaca's crypto data and order endpoints use {@code BTC/USD}, while positions and some older
 * answers use {@code BTCUSD}. Stock symbols are the same on both sides.
 */
public final class AlpacaSymbols {
    /** Quote currencies of Alpaca crypto pairs, longest first so that USDT is not read as USD + T. */
    private static final List<String> QUOTES = List.of("USDT", "USDC", "USD", "BTC");

    private AlpacaSymbols() {
    }

    /** Alpaca spelling for orders and market data: {@code BTC/USD} for crypto, the symbol itself for stocks. */
    public static String toAlpaca(Instrument instrument) {
        if (!instrument.isCrypto()) {
            return instrument.symbol();
        }
        String s = instrument.symbol().toUpperCase(Locale.ROOT);
        for (String quote : QUOTES) {
            if (s.length() > quote.length() && s.endsWith(quote)) {
                return s.substring(0, s.length() - quote.length()) + "/" + quote;
            }
        }
        throw new IllegalArgumentException(instrument.symbol() + ": not a crypto pair Alpaca knows (expected a base asset "
                + "followed by one of " + QUOTES + ", e.g. BTCUSD)");
    }

    /** Spelling for URL path segments (assets, positions): the slash-free form, which Alpaca accepts for crypto. */
    public static String pathSegment(Instrument instrument) {
        return instrument.isCrypto() ? toAlpaca(instrument).replace("/", "") : instrument.symbol();
    }

    /**
     * Sextant instrument for an Alpaca symbol. {@code alpacaAssetClass} is Alpaca's {@code asset_class}
     * ({@code us_equity} or {@code crypto}); when null, a slash means crypto.
     */
    public static Instrument fromAlpaca(String alpacaSymbol, @Nullable String alpacaAssetClass) {
        boolean crypto = alpacaAssetClass != null ? alpacaAssetClass.equalsIgnoreCase("crypto") : alpacaSymbol.contains("/");
        String internal = alpacaSymbol.replace("/", "").toUpperCase(Locale.ROOT);
        return new Instrument(internal, crypto ? AssetClass.CRYPTO : AssetClass.STOCK);
    }
}
