package sextant.alpaca;

import java.math.BigDecimal;
import java.math.RoundingMode;
import sextant.core.order.Side;

/**
 * Rounds order prices to what Alpaca accepts, instead of always to cents (W-22: sub-dollar assets lost all precision).
 * Crypto uses the asset's {@code price_increment}; stocks use $0.01 at or above $1 and $0.0001 below.
 * A buy price rounds down and a sell price rounds up, so rounding never makes a limit more aggressive than asked.
 */
final class PriceIncrements {
    static final BigDecimal CENT = new BigDecimal("0.01");
    static final BigDecimal SUB_DOLLAR = new BigDecimal("0.0001");

    private PriceIncrements() {
    }

    static BigDecimal increment(AlpacaAsset asset, double price) {
        if (Double.isFinite(asset.priceIncrement()) && asset.priceIncrement() > 0) {
            return BigDecimal.valueOf(asset.priceIncrement()).stripTrailingZeros();
        }
        return price >= 1.0 ? CENT : SUB_DOLLAR;
    }

    /** {@code price} on the asset's grid, rounded away from the aggressive side for {@code side}. */
    static BigDecimal round(AlpacaAsset asset, double price, Side side) {
        BigDecimal inc = increment(asset, price);
        BigDecimal steps = BigDecimal.valueOf(price).divide(inc, 12, RoundingMode.HALF_EVEN);
        // Tolerate binary noise (100.1 / 0.01 = 10009.999999999998) before taking floor or ceiling.
        BigDecimal nearest = steps.setScale(0, RoundingMode.HALF_EVEN);
        if (steps.subtract(nearest).abs().compareTo(new BigDecimal("1e-6")) < 0) {
            steps = nearest;
        }
        BigDecimal whole = steps.setScale(0, side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
        if (whole.signum() <= 0) {
            whole = BigDecimal.ONE;
        }
        return whole.multiply(inc).stripTrailingZeros().max(inc);
    }

    /** Quantity floored to {@code step} (min_trade_increment), as a plain decimal. */
    static BigDecimal floorQty(double qty, double step) {
        BigDecimal q = BigDecimal.valueOf(qty);
        if (!(Double.isFinite(step) && step > 0)) {
            return q.setScale(9, RoundingMode.FLOOR).stripTrailingZeros();
        }
        BigDecimal inc = BigDecimal.valueOf(step).stripTrailingZeros();
        BigDecimal steps = q.divide(inc, 12, RoundingMode.HALF_EVEN);
        BigDecimal nearest = steps.setScale(0, RoundingMode.HALF_EVEN);
        if (steps.subtract(nearest).abs().compareTo(new BigDecimal("1e-6")) < 0) {
            steps = nearest;
        }
        return steps.setScale(0, RoundingMode.FLOOR).multiply(inc).stripTrailingZeros();
    }
}
