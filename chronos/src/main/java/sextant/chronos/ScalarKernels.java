package sextant.chronos;

/**
 * Plain-Java kernels. The inner loops run over the 32 contiguous columns of a packed strip with independent
 * accumulators, a shape the JIT compiles to SIMD by itself; they are the fallback when the Vector API is absent.
 */
final class ScalarKernels implements Kernels {
    private static final int S = PackedLinear.STRIP;

    @Override
    public void linear(float[] x, int rows, PackedLinear w, float[] out, boolean accumulate, boolean relu) {
        int in = w.in;
        int n = w.out;
        float[] acc = new float[S];
        for (int r = 0; r < rows; r++) {
            int xo = r * in;
            int oo = r * n;
            for (int s = 0; s < w.strips; s++) {
                java.util.Arrays.fill(acc, 0f);
                int wb = s * in * S;
                for (int k = 0; k < in; k++) {
                    float a = x[xo + k];
                    int wk = wb + k * S;
                    for (int j = 0; j < S; j++) {
                        acc[j] += a * w.packed[wk + j];
                    }
                }
                int col0 = s * S;
                int cols = Math.min(S, n - col0);
                for (int j = 0; j < cols; j++) {
                    float v = acc[j];
                    if (w.bias != null) {
                        v += w.bias[col0 + j];
                    }
                    if (relu && v < 0f) {
                        v = 0f;
                    }
                    int o = oo + col0 + j;
                    out[o] = accumulate ? out[o] + v : v;
                }
            }
        }
    }

    @Override
    public void combineRows(float[] a, int ao, int k, float[] m, int mo, int ldm, int n, float[] y, int yo) {
        java.util.Arrays.fill(y, yo, yo + n, 0f);
        for (int r = 0; r < k; r++) {
            float s = a[ao + r];
            int row = mo + r * ldm;
            for (int j = 0; j < n; j++) {
                y[yo + j] += s * m[row + j];
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
