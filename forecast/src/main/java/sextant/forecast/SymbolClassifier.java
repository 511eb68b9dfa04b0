package sextant.forecast;

import java.util.Locale;
import sextant.core.market.AssetClass;

/**
 * The one place where a bare CSV symbol is classified: names ending in USD or USDT are crypto pairs
 * (BTCUSD, SUIUSDT), everything else is a stock.
 */
public final class SymbolClassifier {
    private SymbolClassifier() {
    }

    public static AssetClass assetClassOf(String symbol) {
        String s = symbol.toUpperCase(Locale.ROOT);
        return s.endsWith("USD") || s.endsWith("USDT") ? AssetClass.CRYPTO : AssetClass.STOCK;
    }
}
