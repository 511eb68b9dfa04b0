package sextant.onnx;

import sextant.core.forecast.Quantiles;

/**
 * Maps a model's quantile levels onto Sextant's 0.1..0.9. Levels inside the model's range are interpolated
 * linearly between the two neighbouring model levels; levels outside it take the nearest model quantile (flat
 * extrapolation: it never invents tails the model did not predict, though it understates them). Weights are
 * computed once per model, so the per-row work is a few multiply-adds.
 */
final class QuantileInterpolator {
    private static final double SAME_LEVEL = 1e-9;

    private final int[] lower = new int[Quantiles.COUNT];
    private final int[] upper = new int[Quantiles.COUNT];
    private final double[] weight = new double[Quantiles.COUNT];

    QuantileInterpolator(double[] modelLevels) {
        int last = modelLevels.length - 1;
        for (int i = 0; i < Quantiles.COUNT; i++) {
            double p = Quantiles.level(i);
            if (p <= modelLevels[0] + SAME_LEVEL) {
                lower[i] = upper[i] = 0;
            } else if (p >= modelLevels[last] - SAME_LEVEL) {
                lower[i] = upper[i] = last;
            } else {
                int j = 0;
                while (modelLevels[j + 1] < p - SAME_LEVEL) {
                    j++;
                }
                if (Math.abs(modelLevels[j + 1] - p) <= SAME_LEVEL) {
                    lower[i] = upper[i] = j + 1;
                } else {
                    lower[i] = j;
                    upper[i] = j + 1;
                    weight[i] = (p - modelLevels[j]) / (modelLevels[j + 1] - modelLevels[j]);
                }
            }
        }
    }

    /** Writes Sextant's nine quantiles into {@code out} from the model's quantiles {@code in}. */
    void apply(double[] in, double[] out) {
        for (int i = 0; i < Quantiles.COUNT; i++) {
            double a = in[lower[i]];
            out[i] = weight[i] == 0 ? a : a + weight[i] * (in[upper[i]] - a);
        }
    }

    /**
     * Sorts in place (insertion sort; nine values). Models with independent quantile heads can cross; sorting the
     * predicted values is the monotone rearrangement, which never moves a quantile further from the truth.
     */
    static void sortAscending(double[] q) {
        for (int i = 1; i < q.length; i++) {
            double x = q[i];
            int j = i - 1;
            while (j >= 0 && q[j] > x) {
                q[j + 1] = q[j];
                j--;
            }
            q[j + 1] = x;
        }
    }
}
