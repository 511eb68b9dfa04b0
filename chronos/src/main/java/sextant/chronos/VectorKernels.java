package sextant.chronos;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels (loaded only when {@code jdk.incubator.vector} is present; see {@link Kernels#select}). The
 * matrix product is register-blocked over one 32-column packed strip. With 512-bit vectors (AVX-512: 32 registers)
 * eight input rows keep sixteen accumulators, and each k step loads two weight vectors and eight broadcasts for
 * sixteen fused multiply-adds. With 256-bit vectors (AVX2: 16 registers) each 16-column half of the strip is done
 * by four rows and eight accumulators, the most that fits without spilling (six rows measured five times slower on
 * JDK 17's C2). Rows go in blocks of {@link #ROW_BLOCK} so that their inputs stay in cache while every strip of
 * the weights streams past. Every path sums over k in the same order, so results do not depend on the row count.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> SP = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> W = FloatVector.SPECIES_512;
    private static final int S = PackedLinear.STRIP;
    private static final int MR = 4;
    private static final int WIDE_MR = 8;
    private static final int ROW_BLOCK = 48;

    /** Whether the 512-bit micro-kernel runs; otherwise the 256-bit one. */
    private final boolean wide;

    /** The micro-kernel for this hardware: 512-bit where the JIT compiles such vectors to real instructions. */
    VectorKernels() {
        this(FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512);
    }

    /** Tests choose the micro-kernel: both must give the same results within float32 rounding. */
    VectorKernels(boolean wide) {
        this.wide = wide;
    }

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
                if (wide) {
                    for (; r + WIDE_MR <= rEnd; r += WIDE_MR) {
                        wide8(x, r, w, s, out, accumulate, relu);
                    }
                    // The few rows left over: the 256-bit row kernel on each half gives the same sums.
                    for (; r < rEnd; r++) {
                        row1(x, r, w, s, 0, out, accumulate, relu);
                        row1(x, r, w, s, 16, out, accumulate, relu);
                    }
                    continue;
                }
                for (int half = 0; half < S; half += 16) {
                    r = rb;
                    for (; r + MR <= rEnd; r += MR) {
                        block4(x, r, w, s, half, out, accumulate, relu);
                    }
                    for (; r < rEnd; r++) {
                        row1(x, r, w, s, half, out, accumulate, relu);
                    }
                }
            }
        }
    }

    /** Eight rows times one 32-column strip on 512-bit vectors: sixteen accumulators, two weight loads per k. */
    private static void wide8(float[] x, int r, PackedLinear w, int s, float[] out, boolean accumulate, boolean relu) {
        int in = w.in;
        float[] p = w.packed;
        FloatVector c00 = FloatVector.zero(W), c01 = FloatVector.zero(W);
        FloatVector c10 = FloatVector.zero(W), c11 = FloatVector.zero(W);
        FloatVector c20 = FloatVector.zero(W), c21 = FloatVector.zero(W);
        FloatVector c30 = FloatVector.zero(W), c31 = FloatVector.zero(W);
        FloatVector c40 = FloatVector.zero(W), c41 = FloatVector.zero(W);
        FloatVector c50 = FloatVector.zero(W), c51 = FloatVector.zero(W);
        FloatVector c60 = FloatVector.zero(W), c61 = FloatVector.zero(W);
        FloatVector c70 = FloatVector.zero(W), c71 = FloatVector.zero(W);
        int x0 = r * in;
        int wk = s * in * S;
        for (int k = 0; k < in; k++, wk += S) {
            FloatVector w0 = FloatVector.fromArray(W, p, wk);
            FloatVector w1 = FloatVector.fromArray(W, p, wk + 16);
            FloatVector a;
            a = FloatVector.broadcast(W, x[x0 + k]);
            c00 = a.fma(w0, c00);
            c01 = a.fma(w1, c01);
            a = FloatVector.broadcast(W, x[x0 + in + k]);
            c10 = a.fma(w0, c10);
            c11 = a.fma(w1, c11);
            a = FloatVector.broadcast(W, x[x0 + 2 * in + k]);
            c20 = a.fma(w0, c20);
            c21 = a.fma(w1, c21);
            a = FloatVector.broadcast(W, x[x0 + 3 * in + k]);
            c30 = a.fma(w0, c30);
            c31 = a.fma(w1, c31);
            a = FloatVector.broadcast(W, x[x0 + 4 * in + k]);
            c40 = a.fma(w0, c40);
            c41 = a.fma(w1, c41);
            a = FloatVector.broadcast(W, x[x0 + 5 * in + k]);
            c50 = a.fma(w0, c50);
            c51 = a.fma(w1, c51);
            a = FloatVector.broadcast(W, x[x0 + 6 * in + k]);
            c60 = a.fma(w0, c60);
            c61 = a.fma(w1, c61);
            a = FloatVector.broadcast(W, x[x0 + 7 * in + k]);
            c70 = a.fma(w0, c70);
            c71 = a.fma(w1, c71);
        }
        int col = s * S;
        storeW(c00, r + 0, w, col, out, accumulate, relu);
        storeW(c01, r + 0, w, col + 16, out, accumulate, relu);
        storeW(c10, r + 1, w, col, out, accumulate, relu);
        storeW(c11, r + 1, w, col + 16, out, accumulate, relu);
        storeW(c20, r + 2, w, col, out, accumulate, relu);
        storeW(c21, r + 2, w, col + 16, out, accumulate, relu);
        storeW(c30, r + 3, w, col, out, accumulate, relu);
        storeW(c31, r + 3, w, col + 16, out, accumulate, relu);
        storeW(c40, r + 4, w, col, out, accumulate, relu);
        storeW(c41, r + 4, w, col + 16, out, accumulate, relu);
        storeW(c50, r + 5, w, col, out, accumulate, relu);
        storeW(c51, r + 5, w, col + 16, out, accumulate, relu);
        storeW(c60, r + 6, w, col, out, accumulate, relu);
        storeW(c61, r + 6, w, col + 16, out, accumulate, relu);
        storeW(c70, r + 7, w, col, out, accumulate, relu);
        storeW(c71, r + 7, w, col + 16, out, accumulate, relu);
    }

    /** Four rows times the 16 columns of a strip from {@code half}, on 256-bit vectors. */
    private static void block4(float[] x, int r, PackedLinear w, int s, int half, float[] out, boolean accumulate, boolean relu) {
        int in = w.in;
        float[] p = w.packed;
        FloatVector c00 = FloatVector.zero(SP), c01 = FloatVector.zero(SP);
        FloatVector c10 = FloatVector.zero(SP), c11 = FloatVector.zero(SP);
        FloatVector c20 = FloatVector.zero(SP), c21 = FloatVector.zero(SP);
        FloatVector c30 = FloatVector.zero(SP), c31 = FloatVector.zero(SP);
        int x0 = r * in;
        int wk = s * in * S + half;
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
        int col = s * S + half;
        store(c00, r, w, col, out, accumulate, relu);
        store(c01, r, w, col + 8, out, accumulate, relu);
        store(c10, r + 1, w, col, out, accumulate, relu);
        store(c11, r + 1, w, col + 8, out, accumulate, relu);
        store(c20, r + 2, w, col, out, accumulate, relu);
        store(c21, r + 2, w, col + 8, out, accumulate, relu);
        store(c30, r + 3, w, col, out, accumulate, relu);
        store(c31, r + 3, w, col + 8, out, accumulate, relu);
    }

    /** One row times the 16 columns of a strip from {@code half}, on 256-bit vectors: the rows a block leaves over. */
    private static void row1(float[] x, int r, PackedLinear w, int s, int half, float[] out, boolean accumulate, boolean relu) {
        int in = w.in;
        float[] p = w.packed;
        FloatVector c0 = FloatVector.zero(SP), c1 = FloatVector.zero(SP);
        int x0 = r * in;
        int wk = s * in * S + half;
        for (int k = 0; k < in; k++, wk += S) {
            FloatVector a = FloatVector.broadcast(SP, x[x0 + k]);
            c0 = a.fma(FloatVector.fromArray(SP, p, wk), c0);
            c1 = a.fma(FloatVector.fromArray(SP, p, wk + 8), c1);
        }
        int col = s * S + half;
        store(c0, r, w, col, out, accumulate, relu);
        store(c1, r, w, col + 8, out, accumulate, relu);
    }

    /**
     * Bias, ReLU and the residual add for one vector of row r from column col, in the same order for every kernel.
     * There is one copy per vector width on purpose: JDK 17's C2 does not inline it into the micro-kernels (it is
     * "already compiled into a big method"), and a compiled method whose species is a parameter rather than a constant
     * runs the Vector API's generic, allocating path.
     */
    private static void store(FloatVector v, int r, PackedLinear w, int col, float[] out, boolean accumulate, boolean relu) {
        int n = w.out;
        if (col >= n) {
            return;
        }
        int o = r * n + col;
        if (col + SP.length() <= n) {
            if (w.bias != null) {
                v = v.add(FloatVector.fromArray(SP, w.bias, col));
            }
            if (relu) {
                v = v.lanewise(VectorOperators.MAX, 0f);
            }
            if (accumulate) {
                v = FloatVector.fromArray(SP, out, o).add(v);
            }
            v.intoArray(out, o);
            return;
        }
        // The last, partial strip: the zero-filled columns past w.out are masked off.
        VectorMask<Float> m = SP.indexInRange(col, n);
        if (w.bias != null) {
            v = v.add(FloatVector.fromArray(SP, w.bias, col, m));
        }
        if (relu) {
            v = v.lanewise(VectorOperators.MAX, 0f);
        }
        if (accumulate) {
            v = FloatVector.fromArray(SP, out, o, m).add(v);
        }
        v.intoArray(out, o, m);
    }

    /** {@link #store} for 512-bit vectors. */
    private static void storeW(FloatVector v, int r, PackedLinear w, int col, float[] out, boolean accumulate, boolean relu) {
        int n = w.out;
        if (col >= n) {
            return;
        }
        int o = r * n + col;
        if (col + W.length() <= n) {
            if (w.bias != null) {
                v = v.add(FloatVector.fromArray(W, w.bias, col));
            }
            if (relu) {
                v = v.lanewise(VectorOperators.MAX, 0f);
            }
            if (accumulate) {
                v = FloatVector.fromArray(W, out, o).add(v);
            }
            v.intoArray(out, o);
            return;
        }
        // The last, partial strip: the zero-filled columns past w.out are masked off.
        VectorMask<Float> m = W.indexInRange(col, n);
        if (w.bias != null) {
            v = v.add(FloatVector.fromArray(W, w.bias, col, m));
        }
        if (relu) {
            v = v.lanewise(VectorOperators.MAX, 0f);
        }
        if (accumulate) {
            v = FloatVector.fromArray(W, out, o, m).add(v);
        }
        v.intoArray(out, o, m);
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
