package sextant.core.market;

/** Stocks trade on NYSE weekdays; crypto trades every day. One list decides which is which (fixes W-8). */
public enum AssetClass {
    STOCK(252, 0.0005),
    CRYPTO(365, 0.001);

    private final int tradingDaysPerYear;
    private final double defaultFee;

    AssetClass(int tradingDaysPerYear, double defaultFee) {
        this.tradingDaysPerYear = tradingDaysPerYear;
        this.defaultFee = defaultFee;
    }

    /** Annualisation factor: 252 for stocks, 365 for crypto (anchor-spec §5.3). */
    public int tradingDaysPerYear() {
        return tradingDaysPerYear;
    }

    /** Per-side backtest fee of the original: 5 bps stocks, 10 bps crypto (anchor-spec §2). */
    public double defaultFee() {
        return defaultFee;
    }
}
