package sextant.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import sextant.core.forecast.Quantiles;

class QuantileInterpolatorTest {

    @Test
    void sextantsOwnLevelsPassThroughUnchanged() {
        QuantileInterpolator qi = new QuantileInterpolator(Quantiles.levels());
        double[] in = {-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3};
        double[] out = new double[9];
        qi.apply(in, out);
        assertThat(out).containsExactly(in);
    }

    /** A quantile function that is linear in the level is reproduced exactly inside the model's range. */
    @RepeatedTest(20)
    void linearQuantileFunctionsAreInterpolatedExactly(RepetitionInfo rep) {
        Random r = new Random(rep.getCurrentRepetition());
        int k = 2 + r.nextInt(12);
        double[] levels = new double[k];
        for (int i = 0; i < k; i++) {
            levels[i] = 0.01 + 0.98 * r.nextDouble();
        }
        java.util.Arrays.sort(levels);
        for (int i = 1; i < k; i++) {
            // Strictly increasing, as the manifest demands.
            levels[i] = Math.max(levels[i], levels[i - 1] + 1e-3);
        }
        double a = r.nextGaussian();
        double b = 0.1 + r.nextDouble();
        double[] in = new double[k];
        for (int i = 0; i < k; i++) {
            in[i] = a + b * levels[i];
        }
        double[] out = new double[9];
        new QuantileInterpolator(levels).apply(in, out);
        for (int i = 0; i < 9; i++) {
            double p = Math.min(Math.max(Quantiles.level(i), levels[0]), levels[k - 1]);
            assertThat(out[i]).as("level %s of %s", Quantiles.level(i), java.util.Arrays.toString(levels))
                    .isCloseTo(a + b * p, within(1e-12));
        }
    }

    @Test
    void levelsOutsideTheModelsRangeTakeTheNearestModelQuantile() {
        QuantileInterpolator qi = new QuantileInterpolator(new double[] {0.25, 0.5, 0.75});
        double[] out = new double[9];
        qi.apply(new double[] {10, 20, 30}, out);
        double[] expected = {10, 10, 12, 16, 20, 24, 28, 30, 30};
        for (int i = 0; i < 9; i++) {
            assertThat(out[i]).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void crossingQuantilesAreSorted() {
        double[] q = {0.3, 0.1, 0.2, 0.9, -0.4, 0.0, 0.5, 0.5, 0.2};
        QuantileInterpolator.sortAscending(q);
        assertThat(q).containsExactly(-0.4, 0.0, 0.1, 0.2, 0.2, 0.3, 0.5, 0.5, 0.9);
    }
}
