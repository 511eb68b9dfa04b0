package sextant.engine.replay;

import java.util.function.ToDoubleFunction;

/** A sample mean with its standard error and the number of observations. */
public record MeanAndError(double mean, double se, int n) {
    public static final MeanAndError NONE = new MeanAndError(Double.NaN, Double.NaN, 0);

    public static MeanAndError of(double[] xs) {
        int n = xs.length;
        if (n == 0) {
            return NONE;
        }
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        double m = s / n;
        if (n < 2) {
            return new MeanAndError(m, Double.NaN, 1);
        }
        double ss = 0;
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return new MeanAndError(m, Math.sqrt(ss / (n - 1) / n), n);
    }

    public static <T> MeanAndError of(java.util.List<T> items, ToDoubleFunction<T> f) {
        double[] xs = new double[items.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = f.applyAsDouble(items.get(i));
        }
        return of(xs);
    }
}
