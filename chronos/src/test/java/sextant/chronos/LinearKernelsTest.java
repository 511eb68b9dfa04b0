package sextant.chronos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each matrix micro-kernel (512-bit, 256-bit, plain Java) against a double-precision product, on shapes that leave
 * partial strips and row remainders, with bias, ReLU and the residual add. The fixtures' parity tests run only the
 * micro-kernel this machine picks; this one runs them all, whatever the hardware.
 */
class LinearKernelsTest {
    @ParameterizedTest(name = "{0} rows, {1} in, {2} out, bias {3}, relu {4}, accumulate {5}")
    @CsvSource({
        "1, 32, 2048, true, true, false",
        "7, 512, 1536, false, false, false",
        "61, 64, 45, true, false, true",
        "50, 513, 17, true, true, true",
        "9, 3, 576, false, true, true",
    })
    void everyMicroKernelMatchesADoublePrecisionProduct(int rows, int in, int out, boolean bias, boolean relu, boolean accumulate) {
        SplittableRandom r = new SplittableRandom(rows * 31L + in * 7L + out);
        float[] x = random(r, rows * in);
        float[] weight = random(r, out * in);
        float[] b = bias ? random(r, out) : null;
        float[] start = random(r, rows * out);
        PackedLinear w = PackedLinear.of(in, b, weight);
        double[] expected = new double[rows * out];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < out; j++) {
                double v = b == null ? 0 : b[j];
                for (int k = 0; k < in; k++) {
                    v += (double) x[i * in + k] * weight[j * in + k];
                }
                if (relu) {
                    v = Math.max(v, 0);
                }
                expected[i * out + j] = accumulate ? start[i * out + j] + v : v;
            }
        }
        Kernels[] kernels = {new VectorKernels(true), new VectorKernels(false), new ScalarKernels()};
        String[] names = {"512-bit", "256-bit", "plain Java"};
        for (int n = 0; n < kernels.length; n++) {
            Kernels k = kernels[n];
            float[] y = start.clone();
            k.linear(x, rows, w, y, accumulate, relu);
            double worst = 0;
            for (int i = 0; i < y.length; i++) {
                worst = Math.max(worst, Math.abs(y[i] - expected[i]));
            }
            // float32 sums of `in` products of values in [-1, 1]: the error grows like in × 2⁻²⁴.
            assertThat(worst).as("%s kernels", names[n])
                    .isLessThan(in * 1e-6 + 1e-6);
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (2 * r.nextDouble() - 1);
        }
        return a;
    }
}
