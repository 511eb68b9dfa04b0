package sextant.chronos;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One worker's forward pass of Chronos-Bolt over a chunk of series, with the chunk's buffers allocated once per
 * predict call and reused for every chunk the worker takes. All arithmetic is float32, as in the reference:
 * instance scaling, patching with its NaN mask, the input residual block, the T5 encoder, one decoder step, the
 * output residual block and un-scaling.
 */
final class EncoderDecoderPass {
    /** The mask term T5 adds to a masked key's score: the most negative finite float32, not minus infinity. */
    private static final float MASKED = -Float.MAX_VALUE;
    private static final float SCALE_EPS = 1e-5f;

    /** Optional copies of the stages (tests compare them with the reference's intermediates). */
    static final class Trace {
        float @Nullable [] loc;
        float @Nullable [] scale;
        float @Nullable [] attentionMask;
        float @Nullable [] inputEmbeds;
        float @Nullable [] encoderStates;
        float @Nullable [] decoderState;
        float @Nullable [] normalizedPredictions;
        int positions;
    }

    private final ChronosWeights w;
    private final ChronosConfig c;
    private final Kernels k;
    private final int maxSeries;
    private final int t;
    private final int patches;
    private final int length;
    private final float[] positionBias;

    private final float[] loc;
    private final float[] scale;
    private final float[] features;
    private final float[] keyMask;
    private final float[] hidden;
    private final float[] normed;
    private final float[] qkv;
    private final float[] attention;
    private final float[] ff;
    private final float[] keysT;
    private final float[] scores;
    private final float[] dx;
    private final float[] dn;
    private final float[] dq;
    private final float[] dAttention;
    private final float[] dff;
    /** Per series, the encoder states transposed ({@code [d][t]}), for the cross-attention scores. */
    private final float[] encodedT;
    private final float[] headVec;
    private final float[] out;

    /**
     * @param length the context length every series of this call has (left-padded with NaN by the caller)
     * @param positionBias {@code [head][query][key]} for this call's number of positions
     */
    EncoderDecoderPass(ChronosWeights w, Kernels k, int maxSeries, int length, float[] positionBias) {
        this.w = w;
        this.c = w.config;
        this.k = k;
        this.maxSeries = maxSeries;
        this.length = length;
        this.patches = patches(c, length);
        this.t = positions(c, length);
        this.positionBias = positionBias;
        int rows = maxSeries * t;
        int d = c.dModel();
        int inner = c.innerDim();
        loc = new float[maxSeries];
        scale = new float[maxSeries];
        features = new float[rows * 2 * c.patchSize()];
        keyMask = new float[rows];
        hidden = new float[rows * d];
        normed = new float[rows * d];
        qkv = new float[rows * 3 * inner];
        attention = new float[rows * inner];
        ff = new float[rows * c.dFf()];
        keysT = new float[c.dKv() * t];
        scores = new float[t];
        dx = new float[maxSeries * d];
        dn = new float[maxSeries * d];
        dq = new float[maxSeries * inner];
        dAttention = new float[maxSeries * inner];
        dff = new float[maxSeries * c.dFf()];
        encodedT = new float[rows * d];
        headVec = new float[d];
        out = new float[maxSeries * c.numQuantiles() * c.predictionLength()];
    }

    static int patches(ChronosConfig c, int length) {
        return (length + c.patchSize() - 1) / c.patchSize();
    }

    /** Encoder positions: one per patch, plus [REG]. */
    static int positions(ChronosConfig c, int length) {
        return patches(c, length) + (c.useRegToken() ? 1 : 0);
    }

    /**
     * Forecasts series {@code [first, first + count)} of {@code contexts} (row-major, {@code length} values each, NaN
     * = missing) into {@code result} ({@code [series][quantile][step]}, un-scaled).
     */
    void run(float[] contexts, int first, int count, float[] result, @Nullable Trace trace) {
        if (count > maxSeries) {
            throw new IllegalArgumentException(count + " series in a chunk of " + maxSeries);
        }
        int d = c.dModel();
        int rows = count * t;
        scaleAndPatch(contexts, first, count);
        // Input residual block: W_o·relu(W_h·x + b_h) + b_o + (W_r·x + b_r).
        k.linear(features, rows, w.inHidden, ff, false, true);
        k.linear(ff, rows, w.inOutput, hidden, false, false);
        k.linear(features, rows, w.inResidual, hidden, true, false);
        if (c.useRegToken()) {
            for (int s = 0; s < count; s++) {
                System.arraycopy(w.shared, d, hidden, (s * t + patches) * d, d);
            }
        }
        if (trace != null) {
            trace.positions = t;
            trace.loc = Arrays.copyOf(loc, count);
            trace.scale = Arrays.copyOf(scale, count);
            trace.attentionMask = Arrays.copyOf(keyMask, rows);
            trace.inputEmbeds = Arrays.copyOf(hidden, rows * d);
        }
        for (ChronosWeights.EncoderBlock b : w.encoder) {
            rmsNorm(hidden, rows, b.attnNorm(), normed);
            k.linear(normed, rows, b.qkv(), qkv, false, false);
            selfAttention(count);
            k.linear(attention, rows, b.attnOut(), hidden, true, false);
            rmsNorm(hidden, rows, b.ffNorm(), normed);
            k.linear(normed, rows, b.wi(), ff, false, true);
            k.linear(ff, rows, b.wo(), hidden, true, false);
        }
        float[] encoded = normed;
        rmsNorm(hidden, rows, w.encoderFinalNorm, encoded);
        if (trace != null) {
            trace.encoderStates = Arrays.copyOf(encoded, rows * d);
        }
        decode(count, encoded);
        if (trace != null) {
            trace.decoderState = Arrays.copyOf(dn, count * d);
        }
        // Output residual block on the decoder's last hidden state, then un-scaling.
        k.linear(dn, count, w.outHidden, dff, false, true);
        k.linear(dff, count, w.outOutput, out, false, false);
        k.linear(dn, count, w.outResidual, out, true, false);
        int qh = c.numQuantiles() * c.predictionLength();
        if (trace != null) {
            trace.normalizedPredictions = Arrays.copyOf(out, count * qh);
        }
        for (int s = 0; s < count; s++) {
            float sc = scale[s];
            float lo = loc[s];
            int base = s * qh;
            int dst = (first + s) * qh;
            for (int i = 0; i < qh; i++) {
                result[dst + i] = out[base + i] * sc + lo;
            }
        }
    }

    /**
     * Instance scaling (loc = nanmean, scale = population std over observed values; 0 and 1 when nothing is
     * observed, 1e-5 when the std is 0), then non-overlapping patches of [values ‖ mask] with missing values as 0,
     * left-padded with missing values to a whole number of patches. The [REG] row gets no features (it is replaced).
     */
    private void scaleAndPatch(float[] contexts, int first, int count) {
        int ps = c.patchSize();
        int pad = patches * ps - length;
        int fw = 2 * ps;
        Arrays.fill(features, 0, count * t * fw, 0f);
        for (int s = 0; s < count; s++) {
            int base = (first + s) * length;
            double sum = 0;
            int n = 0;
            for (int i = 0; i < length; i++) {
                float v = contexts[base + i];
                if (!Float.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            float lo = n == 0 ? 0f : (float) (sum / n);
            double sq = 0;
            for (int i = 0; i < length; i++) {
                float v = contexts[base + i];
                if (!Float.isNaN(v)) {
                    float dv = v - lo;
                    sq += dv * dv;
                }
            }
            float sc = n == 0 ? 1f : (float) Math.sqrt((float) (sq / n));
            if (sc == 0f) {
                sc = SCALE_EPS;
            }
            loc[s] = lo;
            scale[s] = sc;
            for (int p = 0; p < patches; p++) {
                int row = (s * t + p) * fw;
                boolean any = false;
                for (int e = 0; e < ps; e++) {
                    int idx = p * ps + e - pad;
                    float v = idx < 0 ? Float.NaN : contexts[base + idx];
                    if (!Float.isNaN(v)) {
                        features[row + e] = (v - lo) / sc;
                        features[row + ps + e] = 1f;
                        any = true;
                    }
                }
                keyMask[s * t + p] = any ? 1f : 0f;
            }
            if (c.useRegToken()) {
                keyMask[s * t + patches] = 1f;
            }
        }
    }

    /** T5LayerNorm: x·rsqrt(mean(x²) + eps)·w, with no mean subtraction and no bias. */
    private void rmsNorm(float[] x, int rows, float[] gain, float[] y) {
        int d = c.dModel();
        float eps = c.layerNormEps();
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            double ss = 0;
            for (int i = 0; i < d; i++) {
                float v = x[o + i];
                ss += v * v;
            }
            float variance = (float) (ss / d);
            float inv = (float) (1.0 / Math.sqrt(variance + eps));
            for (int i = 0; i < d; i++) {
                y[o + i] = gain[i] * (x[o + i] * inv);
            }
        }
    }

    /** Encoder self-attention of every series and head: unscaled q·kᵀ + position bias + mask term, softmax, ·v. */
    private void selfAttention(int count) {
        int inner = c.innerDim();
        int dk = c.dKv();
        int heads = c.numHeads();
        int stride = 3 * inner;
        for (int s = 0; s < count; s++) {
            int row0 = s * t;
            for (int h = 0; h < heads; h++) {
                int kOff = inner + h * dk;
                for (int j = 0; j < t; j++) {
                    int src = (row0 + j) * stride + kOff;
                    for (int e = 0; e < dk; e++) {
                        keysT[e * t + j] = qkv[src + e];
                    }
                }
                int vOff = 2 * inner + h * dk;
                for (int i = 0; i < t; i++) {
                    int q = (row0 + i) * stride + h * dk;
                    k.combineRows(qkv, q, dk, keysT, 0, t, t, scores, 0);
                    int pb = (h * t + i) * t;
                    for (int j = 0; j < t; j++) {
                        float mask = keyMask[row0 + j] > 0f ? 0f : MASKED;
                        scores[j] = scores[j] + (positionBias[pb + j] + mask);
                    }
                    softmax(scores, t);
                    k.combineRows(scores, 0, t, qkv, row0 * stride + vOff, stride, dk, attention, (row0 + i) * inner + h * dk);
                }
            }
        }
    }

    /** One decoder step from the start token, with cross-attention to {@code encoded}; leaves the result in dn. */
    private void decode(int count, float[] encoded) {
        int d = c.dModel();
        int inner = c.innerDim();
        int dk = c.dKv();
        int heads = c.numHeads();
        for (int s = 0; s < count; s++) {
            System.arraycopy(w.shared, 0, dx, s * d, d);
            for (int j = 0; j < t; j++) {
                for (int e = 0; e < d; e++) {
                    encodedT[(s * d + e) * t + j] = encoded[(s * t + j) * d + e];
                }
            }
        }
        for (ChronosWeights.DecoderBlock b : w.decoder) {
            // Self-attention over the single decoder position: the softmax over one key is 1, so the output is o(v(x)).
            rmsNorm(dx, count, b.selfNorm(), dn);
            k.linear(dn, count, b.selfV(), dAttention, false, false);
            k.linear(dAttention, count, b.selfOut(), dx, true, false);
            // Cross-attention to the encoder states under the encoder's mask, with no position bias.
            rmsNorm(dx, count, b.crossNorm(), dn);
            k.linear(dn, count, b.crossQ(), dq, false, false);
            for (int s = 0; s < count; s++) {
                for (int h = 0; h < heads; h++) {
                    int q = s * inner + h * dk;
                    // score_j = q_h·(K_h e_j) = (K_hᵀ q_h)·e_j: one d-vector per head instead of projecting every key.
                    k.combineRows(dq, q, dk, b.crossK(), h * dk * d, d, d, headVec, 0);
                    k.combineRows(headVec, 0, d, encodedT, s * d * t, t, t, scores, 0);
                    for (int j = 0; j < t; j++) {
                        float mask = keyMask[s * t + j] > 0f ? 0f : MASKED;
                        scores[j] = scores[j] + (0f + mask);
                    }
                    softmax(scores, t);
                    // Σ_j p_j V_h e_j = V_h (Σ_j p_j e_j): weight the encoder states first, then project once.
                    k.combineRows(scores, 0, t, encoded, s * t * d, d, d, headVec, 0);
                    k.combineRows(headVec, 0, d, b.crossVt(), h * dk, inner, dk, dAttention, q);
                }
            }
            k.linear(dAttention, count, b.crossOut(), dx, true, false);
            rmsNorm(dx, count, b.ffNorm(), dn);
            k.linear(dn, count, b.wi(), dff, false, true);
            k.linear(dff, count, b.wo(), dx, true, false);
        }
        rmsNorm(dx, count, w.decoderFinalNorm, dn);
    }

    private static void softmax(float[] x, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[i]);
        }
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[i] - max);
            x[i] = e;
            sum += e;
        }
        for (int i = 0; i < n; i++) {
            x[i] = x[i] / sum;
        }
    }
}
