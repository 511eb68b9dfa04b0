package sextant.core.market;

import java.util.Objects;

/**
 * A tradable symbol. The internal symbol never contains a slash ({@code BTCUSD}, {@code AAPL});
 * adapters that need another spelling (Alpaca's {@code BTC/USD}) translate at their edge.
 */
public record Instrument(String symbol, AssetClass assetClass) {
    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(assetClass, "assetClass");
        if (symbol.isBlank() || symbol.contains("/")) {
            throw new IllegalArgumentException("internal symbols have no slash and are not blank: '" + symbol + "'");
        }
    }

    public static Instrument stock(String symbol) {
        return new Instrument(symbol, AssetClass.STOCK);
    }

    public static Instrument crypto(String symbol) {
        return new Instrument(symbol, AssetClass.CRYPTO);
    }

    public boolean isCrypto() {
        return assetClass == AssetClass.CRYPTO;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
