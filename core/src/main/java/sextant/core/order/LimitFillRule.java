package sextant.core.order;

/**
 * The conservative daily-bar fill rule shared by the local paper broker and the strategy kernel: a buy limit
 * fills only if the bar trades strictly below it (touching is not enough, because the queue ahead of us may
 * absorb every share at the touch), and a sell limit only if the bar trades strictly above it. A bar that opens
 * through the limit fills at the open, the price actually available. The MaxDiff kernel (anchor-spec §5.4.4)
 * uses the same strict inequalities ({@code LP > LA}, {@code HP < HA}), so backtest and paper trading agree on
 * which days fill.
 */
public final class LimitFillRule {
    private LimitFillRule() {
    }

    public static boolean fills(Side side, double limit, double barLow, double barHigh) {
        return side == Side.BUY ? barLow < limit : barHigh > limit;
    }

    /**
     * The same rule with slippage: the bar must trade through the limit by {@code slippageBps} basis points (a buy
     * limit of 100 at 10 bps needs a low below 99.90).
     */
    public static boolean fills(Side side, double limit, double barLow, double barHigh, double slippageBps) {
        double margin = limit * slippageBps / 10_000;
        return side == Side.BUY ? barLow < limit - margin : barHigh > limit + margin;
    }

    /** A market order's fill: the open, {@code slippageBps} worse. */
    public static double marketPrice(Side side, double barOpen, double slippageBps) {
        double s = barOpen * slippageBps / 10_000;
        return side == Side.BUY ? barOpen + s : barOpen - s;
    }

    /** The fill price, given that {@link #fills} is true. */
    public static double price(Side side, double limit, double barOpen) {
        return side == Side.BUY ? Math.min(limit, barOpen) : Math.max(limit, barOpen);
    }
}
