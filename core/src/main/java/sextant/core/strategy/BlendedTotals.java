package sextant.core.strategy;

import sextant.core.metrics.PerformanceMetrics;

/**
 * The original's in-sample totals of a MaxDiff-family window: the zero-multiplier baseline plus {@link MaxDiff#BLEND}
 * times the fitted run, for the return sum, the (population) Sharpe ratio and the mean daily return.
 */
record BlendedTotals(double baseSum, double optSum, double total, double sharpe, double avgDaily) {
    /** Totals of the first {@code n} days of {@code base} (zero multipliers) and {@code fitted}. */
    static BlendedTotals of(double[] base, double[] fitted, int n, int periodsPerYear) {
        double baseSum = PerformanceMetrics.sum(base, 0, n);
        double optSum = PerformanceMetrics.sum(fitted, 0, n);
        double sharpe = PerformanceMetrics.sharpePopulation(base, 0, n, periodsPerYear)
                + MaxDiff.BLEND * PerformanceMetrics.sharpePopulation(fitted, 0, n, periodsPerYear);
        double avg = PerformanceMetrics.mean(base, 0, n) + MaxDiff.BLEND * PerformanceMetrics.mean(fitted, 0, n);
        return new BlendedTotals(baseSum, optSum, baseSum + MaxDiff.BLEND * optSum, sharpe, avg);
    }
}
