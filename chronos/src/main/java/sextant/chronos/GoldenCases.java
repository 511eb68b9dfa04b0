package sextant.chronos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sextant.core.forecast.ModelLoadException;

/**
 * Runs a Chronos-Bolt parity file ({@code cases.json}: {@code chronos-bolt-parity-fixture/1}) through the pipeline
 * and compares with the reference under the file's own rule: for batch row i,
 * {@code |got − expected| ≤ atol_i + rtol·|expected|} with {@code atol_i = rtol·max(1, max|expected[i]|)}.
 */
public final class GoldenCases {
    /** The outcome: the worst |diff| / allowed over every value, where it was, and the largest absolute difference. */
    public record Result(int cases, long values, double worstRatio, String worstAt, double maxAbsDiff, double rtol) {
        public boolean passed() {
            return worstRatio <= 1.0;
        }
    }

    private GoldenCases() {
    }

    public static Result check(ChronosBoltModel model, Path casesFile) {
        Map<?, ?> root;
        try {
            Object parsed = Json.parse(Files.readString(casesFile));
            if (!(parsed instanceof Map<?, ?> m) || !(m.get("cases") instanceof List<?>)) {
                throw new ModelLoadException(casesFile + ": not a Chronos-Bolt parity file (no 'cases' list)");
            }
            root = m;
        } catch (IOException e) {
            throw new ModelLoadException(casesFile + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(casesFile + ": not valid JSON: " + e.getMessage());
        }
        double rtol = ((Number) field((Map<?, ?>) field(root, "tolerance"), "rtol")).doubleValue();
        ChronosBoltPipeline pipeline = new ChronosBoltPipeline(model);
        double worst = 0;
        double maxAbs = 0;
        String worstAt = "-";
        long values = 0;
        int n = 0;
        for (Object o : (List<?>) field(root, "cases")) {
            Map<?, ?> c = (Map<?, ?>) o;
            String name = (String) c.get("name");
            Map<?, ?> args = (Map<?, ?>) field(c, "args");
            int h = ((Number) field(args, "prediction_length")).intValue();
            List<float[]> inputs = new ArrayList<>();
            for (Object s : (List<?>) field(c, "inputs")) {
                inputs.add(flat(s));
            }
            Map<?, ?> expected = (Map<?, ?>) field(c, "expected");
            float[] got;
            int rowSize;
            if (((String) field(c, "call")).endsWith("predict_quantiles")) {
                List<?> lv = (List<?>) field(args, "quantile_levels");
                double[] levels = new double[lv.size()];
                for (int i = 0; i < levels.length; i++) {
                    levels[i] = ((Number) lv.get(i)).doubleValue();
                }
                got = pipeline.predictQuantiles(inputs, h, levels).quantiles();
                rowSize = h * levels.length;
            } else {
                got = pipeline.predict(inputs, h);
                rowSize = model.config().numQuantiles() * h;
            }
            float[] ref = flat(field(expected, "quantiles"));
            if (ref.length != got.length) {
                throw new ModelLoadException(casesFile + ": case " + name + " expects " + ref.length + " values, the model gives "
                        + got.length + "; is this the cases.json of this checkpoint?");
            }
            for (int r = 0; r < ref.length / rowSize; r++) {
                double max = 1;
                for (int i = 0; i < rowSize; i++) {
                    max = Math.max(max, Math.abs(ref[r * rowSize + i]));
                }
                for (int i = 0; i < rowSize; i++) {
                    int k = r * rowSize + i;
                    double diff = Math.abs((double) got[k] - ref[k]);
                    if (Float.isNaN(got[k]) != Float.isNaN(ref[k])) {
                        diff = Double.POSITIVE_INFINITY;
                    } else if (Float.isNaN(ref[k])) {
                        diff = 0;
                    }
                    double ratio = diff / (rtol * max + rtol * Math.abs(ref[k]));
                    maxAbs = Math.max(maxAbs, diff);
                    if (ratio > worst) {
                        worst = ratio;
                        worstAt = name + "[series " + r + ", value " + i + "]";
                    }
                    values++;
                }
            }
            n++;
        }
        return new Result(n, values, worst, worstAt, maxAbs, rtol);
    }

    private static float[] flat(Object json) {
        List<Float> out = new ArrayList<>();
        collect(json, out);
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static void collect(Object v, List<Float> out) {
        if (v instanceof List<?> l) {
            for (Object o : l) {
                collect(o, out);
            }
        } else {
            out.add(v == null ? Float.NaN : ((Number) v).floatValue());
        }
    }

    /** A field the cases file must have (a missing one fails as before, now naming the field). */
    private static Object field(Map<?, ?> m, String key) {
        return Objects.requireNonNull(m.get(key), key);
    }
}
