package sextant.forecast;

import java.util.Arrays;
import sextant.core.forecast.Quantiles;

/** Empirical quantiles at {@link Quantiles#levels()}, linear interpolation between order statistics (Hyndman-Fan type 7). */
final class EmpiricalQuantiles {
    private EmpiricalQuantiles() {
    }

    /**
     * Sorts {@code values[0, n)} in place and writes the nine quantiles to {@code out}. With no values every
     * quantile is 0 (no information: the zero-change forecast). The result is non-decreasing by construction.
     */
    static void compute(double[] values, int n, double[] out) {
        if (n <= 0) {
            Arrays.fill(out, 0, Quantiles.COUNT, 0.0);
            return;
        }
        Arrays.sort(values, 0, n);
        for (int q = 0; q < Quantiles.COUNT; q++) {
            double pos = Quantiles.level(q) * (n - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, n - 1);
            double w = pos - lo;
            out[q] = values[lo] + w * (values[hi] - values[lo]);
        }
    }
}
