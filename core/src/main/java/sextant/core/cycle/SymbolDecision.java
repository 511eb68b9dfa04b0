package sextant.core.cycle;

import org.jspecify.annotations.Nullable;
import sextant.core.backtest.StrategyId;
import sextant.core.market.Instrument;
import sextant.core.order.Side;

/**
 * What the cycle decided for one symbol and why: the {@link Action}, and a {@code reason} a trader can read.
 *
 * @param strategy   chosen strategy, or null when none qualified
 * @param score      ranking score (out-of-sample average daily return of the chosen strategy)
 * @param entryPrice the entry limit; for a market entry, the reference price (last close) used for sizing
 * @param atMarket   enter with a market order at the next open (close-signal strategies) instead of a limit
 * @param closeAtEod the strategy exits at the session's close when its take-profit did not fill (from its
 *                   {@code NextBarPlan}); the position plan recorded for the entry carries it
 */
public record SymbolDecision(Instrument instrument, Action action, @Nullable StrategyId strategy, @Nullable Side side, double score,
                             double entryPrice, double takeProfitPrice, double qty, String reason, boolean atMarket,
                             boolean closeAtEod) {

    public static SymbolDecision skip(Instrument instrument, String reason) {
        return new SymbolDecision(instrument, Action.SKIP, null, null, Double.NaN, Double.NaN, Double.NaN, 0, reason, false, false);
    }

    public static SymbolDecision error(Instrument instrument, String reason) {
        return new SymbolDecision(instrument, Action.ERROR, null, null, Double.NaN, Double.NaN, Double.NaN, 0, reason, false, false);
    }

    /** The same decision with another action, quantity and reason. */
    public SymbolDecision with(Action newAction, double newQty, String newReason) {
        return new SymbolDecision(instrument, newAction, strategy, side, score, entryPrice, takeProfitPrice, newQty, newReason,
                atMarket, closeAtEod);
    }

    public boolean trades() {
        return action == Action.TRADE;
    }
}
