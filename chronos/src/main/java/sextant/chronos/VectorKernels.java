package sextant.chronos;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels (loaded only when {@code jdk.incubator.vector} is present; see {@link Kernels#select}). The
 * matrix product is register-blocked: four input rows times one 16-column strip keep eight 8-lane accumulators,
 * and each step loads two weight vectors and four broadcasts for eight fused multiply-adds. (Six rows, twelve
 * accumulators, measured five times slower on JDK 17's C2: the accumulators no longer fit the 16 AVX2 registers
 * and spill.) Rows go in blocks of
 * {@link #ROW_BLOCK} so that their inputs stay in cache while every strip of the weights streams past.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> SP = FloatVector.SPECIES_256;
    private static final int S = PackedLinear.STRIP;
    private static final int MR = 4;
    private static final int ROW_BLOCK = 48;

    @Override
    public String name() {
        // On hardware without 256-bit vectors the species is emulated and slow: report it so the caller falls back.
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256 ? "vector" : "vector-emulated";
    }

    @Override
    public void linear(float[] x, int rows, PackedLinear w, float[] out, boolean accumulate, boolean relu) {
        for (int rb = 0; rb < rows; rb += ROW_BLOCK) {
            int rEnd = Math.min(rows, rb + ROW_BLOCK);
            for (int s = 0; s < w.strips; s++) {
                int r = rb;
                for (; r + MR <= rEnd; r += MR) {
                    block4(x, r, w, s, out, accumulate, relu);
                }
                for (; r < rEnd; r++) {
                    row1(x, r, w, s, out, accumulate, relu);
                }
            }
        }
    }

    private static void block4(float[] x, int r, PackedLinear w, int s, float[] out, boolean accumulate, boolean relu) {
        int in = w.in;
        float[] p = w.packed;
        FloatVector c00 = FloatVector.zero(SP), c01 = FloatVector.zero(SP);
        FloatVector c10 = FloatVector.zero(SP), c11 = FloatVector.zero(SP);
        FloatVector c20 = FloatVector.zero(SP), c21 = FloatVector.zero(SP);
        FloatVector c30 = FloatVector.zero(SP), c31 = FloatVector.zero(SP);
        int x0 = r * in;
        int wk = s * in * S;
        for (int k = 0; k < in; k++, wk += S) {
            FloatVector w0 = FloatVector.fromArray(SP, p, wk);
            FloatVector w1 = FloatVector.fromArray(SP, p, wk + 8);
            FloatVector a = FloatVector.broadcast(SP, x[x0 + k]);
            c00 = a.fma(w0, c00);
            c01 = a.fma(w1, c01);
            a = FloatVector.broadcast(SP, x[x0 + in + k]);
            c10 = a.fma(w0, c10);
            c11 = a.fma(w1, c11);
            a = FloatVector.broadcast(SP, x[x0 + 2 * in + k]);
            c20 = a.fma(w0, c20);
            c21 = a.fma(w1, c21);
            a = FloatVector.broadcast(SP, x[x0 + 3 * in + k]);
            c30 = a.fma(w0, c30);
            c31 = a.fma(w1, c31);
        }
        store(c00, c01, r, w, s, out, accumulate, relu);
        store(c10, c11, r + 1, w, s, out, accumulate, relu);
        store(c20, c21, r + 2, w, s, out, accumulate, relu);
        store(c30, c31, r + 3, w, s, out, accumulate, relu);
    }

    private static void row1(float[] x, int r, PackedLinear w, int s, float[] out, boolean accumulate, boolean relu) {
        int in = w.in;
        float[] p = w.packed;
        FloatVector c0 = FloatVector.zero(SP), c1 = FloatVector.zero(SP);
        int x0 = r * in;
        int wk = s * in * S;
        for (int k = 0; k < in; k++, wk += S) {
            FloatVector a = FloatVector.broadcast(SP, x[x0 + k]);
            c0 = a.fma(FloatVector.fromArray(SP, p, wk), c0);
            c1 = a.fma(FloatVector.fromArray(SP, p, wk + 8), c1);
        }
        store(c0, c1, r, w, s, out, accumulate, relu);
    }

    /** Bias, ReLU and the residual add, in the same order for every row whichever kernel computed it. */
    private static void store(FloatVector v0, FloatVector v1, int r, PackedLinear w, int s, float[] out, boolean accumulate, boolean relu) {
        int n = w.out;
        int col0 = s * S;
        int o = r * n + col0;
        if (col0 + S <= n) {
            if (w.bias != null) {
                v0 = v0.add(FloatVector.fromArray(SP, w.bias, col0));
                v1 = v1.add(FloatVector.fromArray(SP, w.bias, col0 + 8));
            }
            if (relu) {
                v0 = v0.lanewise(VectorOperators.MAX, 0f);
                v1 = v1.lanewise(VectorOperators.MAX, 0f);
            }
            if (accumulate) {
                v0 = FloatVector.fromArray(SP, out, o).add(v0);
                v1 = FloatVector.fromArray(SP, out, o + 8).add(v1);
            }
            v0.intoArray(out, o);
            v1.intoArray(out, o + 8);
            return;
        }
        float[] tmp = new float[S];
        v0.intoArray(tmp, 0);
        v1.intoArray(tmp, 8);
        for (int j = 0; j < n - col0; j++) {
            float v = tmp[j];
            if (w.bias != null) {
                v += w.bias[col0 + j];
            }
            if (relu) {
                v = Math.max(v, 0f);
            }
            out[o + j] = accumulate ? out[o + j] + v : v;
        }
    }

    @Override
    public void combineRows(float[] a, int ao, int k, float[] m, int mo, int ldm, int n, float[] y, int yo) {
        int j = 0;
        int bound = SP.loopBound(n);
        // Two output vectors at a time keep two independent accumulator chains over k.
        for (; j + 2 * SP.length() <= bound; j += 2 * SP.length()) {
            FloatVector acc0 = FloatVector.zero(SP);
            FloatVector acc1 = FloatVector.zero(SP);
            for (int r = 0, row = mo + j; r < k; r++, row += ldm) {
                FloatVector s = FloatVector.broadcast(SP, a[ao + r]);
                acc0 = s.fma(FloatVector.fromArray(SP, m, row), acc0);
                acc1 = s.fma(FloatVector.fromArray(SP, m, row + SP.length()), acc1);
            }
            acc0.intoArray(y, yo + j);
            acc1.intoArray(y, yo + j + SP.length());
        }
        for (; j < bound; j += SP.length()) {
            FloatVector acc = FloatVector.zero(SP);
            for (int r = 0, row = mo + j; r < k; r++, row += ldm) {
                acc = FloatVector.broadcast(SP, a[ao + r]).fma(FloatVector.fromArray(SP, m, row), acc);
            }
            acc.intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            float acc = 0f;
            for (int r = 0, row = mo + j; r < k; r++, row += ldm) {
                acc = Math.fma(a[ao + r], m[row], acc);
            }
            y[yo + j] = acc;
        }
    }

}
