package sextant.chronos;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the reference pipeline adds around a model call: left-padding a list of series with NaN to the longest and
 * keeping the last context-length values; the long-horizon roll-out (each of the Q quantile paths of one block is
 * appended to the context and forecast again, and the Q×Q results are reduced to Q with linearly interpolated
 * empirical quantiles); and quantile levels off the model's grid.
 */
public final class ChronosBoltPipeline {
    private final ChronosBoltModel model;

    public ChronosBoltPipeline(ChronosBoltModel model) {
        this.model = model;
    }

    /** {@code [series][quantile][step]} for {@code predictionLength} steps (any length; beyond the model's, rolled out). */
    public float[] predict(List<float[]> series, int predictionLength) {
        ChronosConfig c = model.config();
        int b = series.size();
        int q = c.numQuantiles();
        int h = c.predictionLength();
        int longest = 0;
        for (float[] s : series) {
            longest = Math.max(longest, s.length);
        }
        int len = Math.max(1, Math.min(longest, c.contextLength()));
        float[] ctx = new float[b * len];
        for (int i = 0; i < b; i++) {
            fillRight(series.get(i), ctx, i * len, len);
        }
        float[] first = model.predict(ctx, b, len);
        float[] out = new float[b * q * predictionLength];
        copySteps(first, b, q, h, 0, out, predictionLength);
        int done = h;
        if (done >= predictionLength) {
            return out;
        }
        // Q paths per series: path k's context is the series followed by its k-th quantile forecasts so far.
        float[] paths = new float[b * q * len];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < q; k++) {
                System.arraycopy(ctx, i * len, paths, (i * q + k) * len, len);
            }
        }
        int pathLen = len;
        float[] prediction = first;
        float[] levels = new float[q];
        for (int k = 0; k < q; k++) {
            levels[k] = (float) c.quantiles()[k];
        }
        float[] samples = new float[q * q];
        while (done < predictionLength) {
            int newLen = Math.min(pathLen + h, c.contextLength());
            float[] grown = new float[b * q * newLen];
            for (int p = 0; p < b * q; p++) {
                int i = p / q;
                int k = p % q;
                float[] full = new float[pathLen + h];
                System.arraycopy(paths, p * pathLen, full, 0, pathLen);
                System.arraycopy(prediction, (i * q + k) * h, full, pathLen, h);
                System.arraycopy(full, full.length - newLen, grown, p * newLen, newLen);
            }
            paths = grown;
            pathLen = newLen;
            float[] raw = model.predict(paths, b * q, pathLen);
            float[] reduced = new float[b * q * h];
            for (int i = 0; i < b; i++) {
                for (int step = 0; step < h; step++) {
                    for (int p = 0; p < q; p++) {
                        for (int k = 0; k < q; k++) {
                            samples[p * q + k] = raw[((i * q + p) * q + k) * h + step];
                        }
                    }
                    Arrays.sort(samples);
                    for (int k = 0; k < q; k++) {
                        reduced[(i * q + k) * h + step] = quantileOfSorted(samples, samples.length, levels[k]);
                    }
                }
            }
            copySteps(reduced, b, q, h, done, out, predictionLength);
            prediction = reduced;
            done += h;
        }
        return out;
    }

    /**
     * Forecasts at arbitrary quantile levels: {@code quantiles} is {@code [series][step][level]} and {@code mean} (the
     * median, as the reference returns) {@code [series][step]}. Levels off the model's grid are interpolated over the
     * grid with its first and last column repeated, so levels outside it take the outermost forecasts.
     */
    public record QuantileForecast(float[] quantiles, float[] mean) {
    }

    public QuantileForecast predictQuantiles(List<float[]> series, int predictionLength, double[] levels) {
        ChronosConfig c = model.config();
        int b = series.size();
        int q = c.numQuantiles();
        float[] pred = predict(series, predictionLength);
        int median = -1;
        for (int k = 0; k < q; k++) {
            if (c.quantiles()[k] == 0.5) {
                median = k;
            }
        }
        if (median < 0) {
            throw new IllegalStateException(model.directory() + ": the model has no 0.5 quantile to report as the mean");
        }
        int n = levels.length;
        float[] quantiles = new float[b * predictionLength * n];
        float[] mean = new float[b * predictionLength];
        float[] augmented = new float[q + 2];
        int[] index = gridIndex(c.quantiles(), levels);
        for (int i = 0; i < b; i++) {
            for (int step = 0; step < predictionLength; step++) {
                int dst = (i * predictionLength + step) * n;
                mean[i * predictionLength + step] = pred[(i * q + median) * predictionLength + step];
                for (int k = 0; k < q; k++) {
                    augmented[k + 1] = pred[(i * q + k) * predictionLength + step];
                }
                augmented[0] = augmented[1];
                augmented[q + 1] = augmented[q];
                if (index != null) {
                    for (int l = 0; l < n; l++) {
                        quantiles[dst + l] = augmented[index[l] + 1];
                    }
                } else {
                    Arrays.sort(augmented);
                    for (int l = 0; l < n; l++) {
                        quantiles[dst + l] = quantileOfSorted(augmented, augmented.length, (float) levels[l]);
                    }
                }
            }
        }
        return new QuantileForecast(quantiles, mean);
    }

    /** Indices into the model's grid when every level is on it, else null (then the levels are interpolated). */
    private static int @Nullable [] gridIndex(double[] grid, double[] levels) {
        int[] idx = new int[levels.length];
        for (int l = 0; l < levels.length; l++) {
            idx[l] = -1;
            for (int k = 0; k < grid.length; k++) {
                if (grid[k] == levels[l]) {
                    idx[l] = k;
                }
            }
            if (idx[l] < 0) {
                return null;
            }
        }
        return idx;
    }

    /** Linear-interpolation quantile of sorted values, in float32 as torch.quantile computes it. */
    static float quantileOfSorted(float[] sorted, int n, float level) {
        float rank = level * (n - 1);
        int below = (int) rank;
        int above = (int) Math.ceil(rank);
        float weight = rank - below;
        float a = sorted[below];
        float b = sorted[Math.min(above, n - 1)];
        // torch.lerp's two-sided form keeps the result exact at both ends.
        return weight < 0.5f ? a + weight * (b - a) : b - (b - a) * (1f - weight);
    }

    private static void fillRight(float[] s, float[] dst, int off, int len) {
        int use = Math.min(s.length, len);
        Arrays.fill(dst, off, off + len - use, Float.NaN);
        System.arraycopy(s, s.length - use, dst, off + len - use, use);
    }

    private static void copySteps(float[] block, int b, int q, int h, int from, float[] out, int total) {
        int steps = Math.min(h, total - from);
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < q; k++) {
                System.arraycopy(block, (i * q + k) * h, out, (i * q + k) * total + from, steps);
            }
        }
    }
}
