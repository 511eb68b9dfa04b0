package sextant.core.backtest;

/**
 * The honest score of a strategy: a non-overlapping series of one-step-ahead results. For each of the newest bars
 * t, the strategy's parameters are fitted on the bars before t only, and the result is what trading bar t under
 * those parameters earned (a fraction of the position's notional, fees included, 0 when nothing filled). Each bar
 * appears once, so the standard error below is the plain one of a mean of {@link #n()} results.
 *
 * @param returns one result per bar, oldest first
 * @param firstBar index of the bar of {@code returns[0]}
 */
public record OneStepSeries(double[] returns, int firstBar) {
    public static final OneStepSeries EMPTY = new OneStepSeries(new double[0], 0);

    public int n() {
        return returns.length;
    }

    public double mean() {
        int n = returns.length;
        if (n == 0) {
            return 0;
        }
        double s = 0;
        for (double r : returns) {
            s += r;
        }
        return s / n;
    }

    /** Standard error of the mean: sample standard deviation (n - 1) over sqrt(n); infinite below two results. */
    public double standardError() {
        int n = returns.length;
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double m = mean();
        double ss = 0;
        for (double r : returns) {
            ss += (r - m) * (r - m);
        }
        return Math.sqrt(ss / (n - 1) / n);
    }

    /** {@code mean - z * SE}: the edge that survives z standard errors of noise. */
    public double lowerBound(double z) {
        return mean() - z * standardError();
    }

    /** Days with a non-zero result. */
    public int tradeDays() {
        int k = 0;
        for (double r : returns) {
            k += r != 0 ? 1 : 0;
        }
        return k;
    }
}
