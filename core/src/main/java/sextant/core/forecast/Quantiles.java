package sextant.core.forecast;

/** The quantile levels every forecaster reports: 0.1, 0.2, ..., 0.9 (index 4 is the median). */
public final class Quantiles {
    private static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    public static final int COUNT = LEVELS.length;
    public static final int MEDIAN = 4;

    private Quantiles() {
    }

    /** The level of quantile k (0 .. COUNT-1). */
    public static double level(int k) {
        return LEVELS[k];
    }

    /** A copy of the nine levels (an array constant could be changed by any caller). */
    public static double[] levels() {
        return LEVELS.clone();
    }
}
