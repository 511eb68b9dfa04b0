package sextant.core.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import sextant.core.market.Instrument;

/**
 * Default price increments when the broker has not told us the asset's own: US stocks trade in cents at or above
 * $1 and in 1/100 cent below (Reg NMS sub-penny rule); crypto gets six significant digits, which is finer than or
 * equal to common crypto increments. Limits are rounded in the order's favour: buys down, sells up, so an order
 * never pays more than the strategy planned.
 */
public final class PriceTicks {
    private PriceTicks() {
    }

    public static double increment(Instrument instrument, double price) {
        if (instrument.isCrypto()) {
            double magnitude = Math.floor(Math.log10(Math.abs(price)));
            return Math.pow(10, magnitude - 5);
        }
        return price >= 1 ? 0.01 : 0.0001;
    }

    public static double round(Instrument instrument, Side side, double price) {
        return roundTo(increment(instrument, price), side, price);
    }

    public static double roundTo(double increment, Side side, double price) {
        BigDecimal inc = BigDecimal.valueOf(increment);
        BigDecimal steps = BigDecimal.valueOf(price).divide(inc, 0, side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return steps.multiply(inc).doubleValue();
    }
}
