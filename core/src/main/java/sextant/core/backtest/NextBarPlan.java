package sextant.core.backtest;

import org.jspecify.annotations.Nullable;
import sextant.core.order.Side;

/**
 * What a strategy would do on the next bar, priced from the forecast of that bar (context includes the newest
 * closed bar). {@code side == null} means "no trade" and {@code reason} says why.
 *
 * @param entryPrice      limit price of the entry (NaN for a market entry at the open)
 * @param takeProfitPrice limit price of the exit (NaN when the strategy exits at the close)
 * @param closeAtEod      exit at the close if the take-profit did not fill
 * @param highMultiplier  the fitted high multiplier m_h (0 for strategies without one)
 * @param lowMultiplier   the fitted low multiplier m_l
 */
public record NextBarPlan(@Nullable Side side, double entryPrice, double takeProfitPrice, boolean closeAtEod,
                          double highMultiplier, double lowMultiplier, String reason) {

    public static NextBarPlan none(String reason) {
        return new NextBarPlan(null, Double.NaN, Double.NaN, false, 0, 0, reason);
    }

    public boolean trades() {
        return side != null;
    }
}
