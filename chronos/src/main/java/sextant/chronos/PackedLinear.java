package sextant.chronos;

import org.jspecify.annotations.Nullable;

/**
 * A linear layer y = x·Wᵀ + b with W packed once at load for the matrix kernels: the output columns are cut into
 * strips of {@link #STRIP} and each strip is stored k-major ({@code [strip][k][STRIP]}), zero-filled past the last
 * column. A kernel then reads one strip sequentially for a block of input rows, which keeps it in cache. The
 * packed copy is the only copy of the weights on the heap (the file itself stays memory-mapped).
 */
final class PackedLinear {
    static final int STRIP = 32;

    final int in;
    final int out;
    final int strips;
    final float[] packed;
    /** Bias of length {@code out}, or null. */
    final float @Nullable [] bias;

    private PackedLinear(int in, int out, float[] packed, float @Nullable [] bias) {
        this.in = in;
        this.out = out;
        this.strips = (out + STRIP - 1) / STRIP;
        this.packed = packed;
        this.bias = bias;
    }

    /** Packs a PyTorch {@code [out, in]} row-major weight; several weights may be stacked along {@code out}. */
    static PackedLinear of(int in, float @Nullable [] bias, float[]... weights) {
        int out = 0;
        for (float[] w : weights) {
            out += w.length / in;
        }
        int strips = (out + STRIP - 1) / STRIP;
        float[] packed = new float[Math.multiplyExact(strips * in, STRIP)];
        int row = 0;
        for (float[] w : weights) {
            int rows = w.length / in;
            for (int r = 0; r < rows; r++, row++) {
                int s = row / STRIP;
                int j = row % STRIP;
                int base = s * in * STRIP + j;
                int src = r * in;
                for (int k = 0; k < in; k++) {
                    packed[base + k * STRIP] = w[src + k];
                }
            }
        }
        if (bias != null && bias.length != out) {
            throw new IllegalArgumentException("bias of " + bias.length + " for " + out + " outputs");
        }
        return new PackedLinear(in, out, packed, bias);
    }

    long flops(int rows) {
        return 2L * rows * in * out;
    }
}
