package sextant.onnx;

import java.util.Arrays;
import sextant.core.forecast.ModelLoadException;

/**
 * Runs a {@link GoldenCase} through Sextant's own loading, padding and batching, and compares with the reference.
 *
 * <p>The golden input arrives already left-padded with NaN. Its leading NaNs are stripped here so that every
 * series reaches {@link QuantileModel#predict} at its true length and Sextant's padding code has to rebuild the
 * padding; a batch size that does not divide the case's rows also exercises the padded last batch.
 */
public final class GoldenCheck {
    /** Outcome: the largest absolute difference, where it is (index in the golden output) and the verdict. */
    public record Result(double maxAbsDiff, String worstAt, double tolerance, int values, long runs, int paddedRows) {
        public boolean passed() {
            return maxAbsDiff <= tolerance;
        }
    }

    private GoldenCheck() {
    }

    public static Result run(QuantileModel model, GoldenCase golden) {
        ModelManifest m = model.manifest();
        Layout layout = m.layout();
        int[] in = golden.inputShape();
        if (in.length != layout.inputRank()) {
            throw new ModelLoadException(golden.path() + ": input_shape " + Arrays.toString(in) + " does not fit input_layout "
                    + layout.input() + " of " + m.manifestPath());
        }
        int rows = in[0];
        int v = layout == Layout.UNIVARIATE ? 1 : in[1];
        int t = in[in.length - 1];
        if (t > m.contextLength()) {
            throw new ModelLoadException(golden.path() + ": input has " + t + " time steps, more than context_length "
                    + m.contextLength() + " of " + m.manifestPath());
        }
        int q = m.quantileLevels().length;
        int h = m.predictionLength();
        int[] expectedOut = layout == Layout.UNIVARIATE ? new int[] {rows, q, h} : new int[] {q, rows, v, h};
        if (!Arrays.equals(expectedOut, golden.outputShape())) {
            throw new ModelLoadException(golden.path() + ": output_shape " + Arrays.toString(golden.outputShape()) + " but "
                    + m.manifestPath() + " implies " + Arrays.toString(expectedOut));
        }
        long runsBefore = model.runs();
        QuantileOutput out = model.predict(new TrimmedSamples(golden.input(), rows, v, t));
        long runs = model.runs() - runsBefore;
        double worst = 0;
        int worstIndex = -1;
        float[] ref = golden.output();
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < v; j++) {
                for (int k = 0; k < q; k++) {
                    for (int s = 0; s < h; s++) {
                        int gi = layout == Layout.UNIVARIATE ? (b * q + k) * h + s : ((k * rows + b) * v + j) * h + s;
                        float got = out.get(b, j, k, s);
                        double d = Math.abs((double) got - ref[gi]);
                        // NaN on either side only matches NaN on both; otherwise it is an infinite difference.
                        if (Double.isNaN(d)) {
                            d = Float.isNaN(got) && Float.isNaN(ref[gi]) ? 0 : Double.POSITIVE_INFINITY;
                        }
                        if (d > worst || worstIndex < 0) {
                            worst = Math.max(worst, d);
                            worstIndex = gi;
                        }
                    }
                }
            }
        }
        int padded = (int) (runs * model.batchSize() - rows);
        return new Result(worst, indexString(golden.outputShape(), worstIndex), golden.toleranceAbs(), ref.length, runs, padded);
    }

    private static String indexString(int[] shape, int flat) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return Arrays.toString(idx);
    }

    /** Golden rows with their leading NaNs removed: Sextant's batching has to add them back. */
    private static final class TrimmedSamples implements SeriesSamples {
        private final float[] data;
        private final int rows;
        private final int v;
        private final int t;
        private final int[] lead;

        TrimmedSamples(float[] data, int rows, int v, int t) {
            this.data = data;
            this.rows = rows;
            this.v = v;
            this.t = t;
            this.lead = new int[rows * v];
            for (int r = 0; r < rows * v; r++) {
                int k = 0;
                while (k < t && Float.isNaN(data[r * t + k])) {
                    k++;
                }
                lead[r] = k;
            }
        }

        @Override
        public int size() {
            return rows;
        }

        @Override
        public int variates() {
            return v;
        }

        @Override
        public int length(int sample, int variate) {
            return t - lead[sample * v + variate];
        }

        @Override
        public float value(int sample, int variate, int k) {
            int r = sample * v + variate;
            return data[r * t + lead[r] + k];
        }
    }
}
