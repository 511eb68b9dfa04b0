package sextant.paper;

import java.util.OptionalDouble;
import sextant.core.order.LimitFillRule;
import sextant.core.order.Order;
import sextant.core.order.Side;
import sextant.core.port.BrokerException;

/**
 * Whether and at what price an order fills between two points of a {@link SessionPath} ({@code paper:daily-bar-path}).
 * The path is continuous between points; the only jump is the gap into the open, so the order's first segment starts
 * from the price it became live at (the open for an order working before it, point k for one sent after point k).
 *
 * <ul>
 *   <li>Limit: a buy fills iff the segment trades strictly below the limit (by the slippage margin, as
 *       {@link LimitFillRule}), at the price the order became live at if that was already below the limit (a
 *       marketable order, or a gap), else at the limit; a sell mirrors it.</li>
 *   <li>Market: at the point's price, the slippage worse.</li>
 *   <li>Stop (stop-market): a sell triggers when the segment reaches the stop or below, a buy at the stop or above, and
 *       fills at the price it became live at if that was already through the stop, else at the stop; the slippage
 *       worse, as the market order it becomes.</li>
 * </ul>
 *
 * Applied to a whole bar from the open (the daily broker), this is the daily rule: a buy limit fills iff the low is
 * strictly below it, at min(limit, open), and a market order at the open.
 */
final class PathFill {
    private PathFill() {
    }

    /**
     * The price at which the order fills on the segment of the path that ends at point {@code j}, if it fills there.
     *
     * @param from the order's first eligible point (the first strictly after it was submitted)
     * @param j    the point reached, {@code from <= j}
     * @return the fill price, or empty when the order does not fill on the segment ending at {@code j}
     */
    static OptionalDouble at(Order o, SessionPath path, int from, int j, double slippageBps) {
        double a = path.price(Math.max(j - 1, 0));
        double b = path.price(j);
        double live = path.price(Math.max(from - 1, 0));
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        Side side = o.side();
        double p = o.limitPrice();
        return switch (o.type()) {
            case MARKET -> OptionalDouble.of(LimitFillRule.marketPrice(side, b, slippageBps));
            case LIMIT -> LimitFillRule.fills(side, p, low, high, slippageBps)
                    ? OptionalDouble.of(LimitFillRule.price(side, p, live)) : OptionalDouble.empty();
            case STOP -> {
                boolean triggered = side == Side.SELL ? low <= p : high >= p;
                double trigger = side == Side.SELL ? Math.min(p, live) : Math.max(p, live);
                yield triggered ? OptionalDouble.of(LimitFillRule.marketPrice(side, trigger, slippageBps))
                        : OptionalDouble.empty();
            }
            default -> throw new BrokerException(o.instrument() + ": the paper broker does not simulate "
                    + o.type().wire() + " orders");
        };
    }
}
