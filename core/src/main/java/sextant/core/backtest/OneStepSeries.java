package sextant.core.backtest;

/**
 * The honest score of a strategy: a non-overlapping series of one-step-ahead results. For each of the newest bars
 * t, the strategy's parameters are fitted on the bars before t only, and the result is what trading bar t under
 * those parameters earned (a fraction of the position's notional, fees included, 0 when nothing filled). Each bar
 * appears once, so the standard error below is the plain one of a mean of {@link #n()} results.
 *
 * @param returns one result per bar, oldest first
 * @param firstBar index of the bar of {@code returns[0]} (-1 for a track record, whose bars are not consecutive)
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

    /** The newest {@code n} results (all when fewer). */
    public OneStepSeries tail(int n) {
        int k = Math.min(n, returns.length);
        return new OneStepSeries(java.util.Arrays.copyOfRange(returns, returns.length - k, returns.length),
                firstBar + returns.length - k);
    }

    /**
     * The gate's track record: for each bar i with {@code window} results before it, whether
     * {@code mean - z * SE > minEdge} over those results, i.e. whether the gate would have let the strategy trade bar
     * i; the results of the bars it would have traded. Its mean is what passing the gate earned, free of the
     * selection that makes the passing strategies' own means look good.
     */
    public OneStepSeries trackRecord(int window, double z, double minEdge) {
        if (window < 2 || returns.length <= window) {
            return EMPTY;
        }
        double[] kept = new double[returns.length - window];
        int k = 0;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < window; i++) {
            sum += returns[i];
            sumSq += returns[i] * returns[i];
        }
        for (int i = window; i < returns.length; i++) {
            double mean = sum / window;
            double var = Math.max(0, (sumSq - window * mean * mean) / (window - 1));
            if (mean - z * Math.sqrt(var / window) > minEdge) {
                kept[k++] = returns[i];
            }
            sum += returns[i] - returns[i - window];
            sumSq += returns[i] * returns[i] - returns[i - window] * returns[i - window];
        }
        return new OneStepSeries(java.util.Arrays.copyOf(kept, k), -1);
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
