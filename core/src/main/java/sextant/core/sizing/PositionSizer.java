package sextant.core.sizing;

import sextant.core.market.Instrument;

/**
 * Turns a notional budget into an order quantity. Stocks trade whole shares (so the same order is valid as GTC
 * on Alpaca, where fractional quantities require DAY); crypto trades in steps of {@link #CRYPTO_QTY_STEP}.
 * Quantities are always rounded down, so an order never exceeds its budget.
 */
public final class PositionSizer {
    public static final double CRYPTO_QTY_STEP = 1e-4;

    private PositionSizer() {
    }

    /** Quantity affordable with {@code notional} at {@code price}; 0 when not even the minimum step fits. */
    public static double quantity(Instrument instrument, double notional, double price) {
        if (!(notional > 0) || !(price > 0) || !Double.isFinite(notional) || !Double.isFinite(price)) {
            return 0;
        }
        double raw = notional / price;
        if (instrument.isCrypto()) {
            // Decimal arithmetic, so the quantity sent to a broker is exactly 0.3333 and not 0.33330000000000004.
            return java.math.BigDecimal.valueOf(raw).setScale(4, java.math.RoundingMode.FLOOR).doubleValue();
        }
        return Math.floor(raw + 1e-9);
    }

    /**
     * Share of buying power kept free: the order's limit is rounded to the asset's tick after sizing (a sell rounds
     * up), so an order sized to the last cent of buying power can be refused by a few cents.
     */
    public static final double BUYING_POWER_MARGIN = 0.002;

    /**
     * The notional for one new position: {@code equity * positionFraction}, limited by what is left under the gross
     * exposure cap ({@code maxGross * equity - currentGross}) and by buying power less {@link #BUYING_POWER_MARGIN}.
     */
    public static double budget(double equity, double positionFraction, double maxGross, double currentGross,
                                double buyingPower) {
        double room = Math.max(0, maxGross * equity - currentGross);
        return Math.max(0, Math.min(Math.min(equity * positionFraction, room), buyingPower * (1 - BUYING_POWER_MARGIN)));
    }
}
