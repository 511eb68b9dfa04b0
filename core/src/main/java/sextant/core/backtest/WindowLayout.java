package sextant.core.backtest;

import sextant.core.strategy.FillModel;

/**
 * Where the windows of one symbol lie. With N bars and d days per window, window k (0 = newest) evaluates bars
 * [N-k-d, N-k) and its walk-forward fit reads the d bars before it, [N-k-2d, N-k-d). Bar 0 is never evaluated
 * (it has no previous bar), so a window fits when {@code N-k-2d >= 1}.
 */
// crypto: long-only (crypto always; stocks when the account cannot short), whatever the asset class.
record WindowLayout(int bars, int days, int windows, int periodsPerYear, boolean crypto, double fee,
                    FillModel fillModel) {

    static WindowLayout of(int bars, BacktestSpec spec, int periodsPerYear, boolean crypto, double fee) {
        int d = spec.daysPerWindow();
        int fit = Math.max(0, Math.min(spec.windows(), bars - 2 * d));
        return new WindowLayout(bars, d, fit, periodsPerYear, crypto, fee, spec.fillModel());
    }

    /** First bar of the one-step-ahead series (it covers the newest {@link #windows()} bars). */
    int oneStepFrom() {
        return bars - windows;
    }

    /**
     * First bar of the one-step history: up to {@link #windows()} more bars before {@link #oneStepFrom()}, so that the
     * gate's own track record (what passing it earned on earlier bars) can be measured. Each needs d bars to fit on.
     */
    int historyFrom() {
        return Math.min(oneStepFrom(), Math.max(days + 1, bars - 2 * windows));
    }

    int from(int k) {
        return bars - k - days;
    }

    int to(int k) {
        return bars - k;
    }

    /** First bar of window k's walk-forward fitting range (its end is {@link #from(int)}). */
    int fitFrom(int k) {
        return from(k) - days;
    }

    /** The next, not yet existing bar. */
    int next() {
        return bars;
    }
}
