package sextant.core.forecast;

/** The quantile levels every forecaster reports: 0.1, 0.2, ..., 0.9 (index 4 is the median). */
public final class Quantiles {
    public static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    public static final int COUNT = LEVELS.length;
    public static final int MEDIAN = 4;

    private Quantiles() {
    }
}
