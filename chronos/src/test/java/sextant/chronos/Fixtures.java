package sextant.chronos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import sextant.testkit.Shared;

/** The Chronos-Bolt parity fixtures in ../shared/fixtures/chronos-bolt and their tolerance rule. */
final class Fixtures {
    static final double RTOL = 1e-4;

    private Fixtures() {
    }

    static Path root() {
        return Shared.path("fixtures/chronos-bolt");
    }

    static List<Path> dirs() {
        try (Stream<Path> s = Files.list(root())) {
            List<Path> out = new ArrayList<>(s.filter(p -> Files.isRegularFile(p.resolve("cases.json"))).sorted().toList());
            assertThat(out).hasSize(3);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode cases(Path dir) {
        try {
            return new ObjectMapper().readTree(dir.resolve("cases.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of numbers (null = NaN) as float32. */
    static float[] floats(JsonNode arr) {
        float[] out = new float[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arr.get(i).isNull() ? Float.NaN : (float) arr.get(i).asDouble();
        }
        return out;
    }

    /** A nested JSON array flattened row-major, as float32. */
    static float[] flat(JsonNode arr) {
        List<Float> vals = new ArrayList<>();
        collect(arr, vals);
        float[] out = new float[vals.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = vals.get(i);
        }
        return out;
    }

    private static void collect(JsonNode n, List<Float> out) {
        if (n.isArray()) {
            n.forEach(c -> collect(c, out));
        } else {
            out.add(n.isNull() ? Float.NaN : (float) n.asDouble());
        }
    }

    static List<float[]> inputs(JsonNode c) {
        List<float[]> out = new ArrayList<>();
        c.get("inputs").forEach(s -> out.add(floats(s)));
        return out;
    }

    /**
     * The worst ratio |got − expected| / (atol_i + rtol·|expected|) over all values, with rows of {@code rowSize}
     * values and atol_i = rtol·max(1, max|expected| of the row); at most 1 passes.
     */
    static double worstRatio(float[] got, float[] expected, int rowSize) {
        assertThat(got).hasSameSizeAs(expected);
        double worst = 0;
        for (int r = 0; r < expected.length / rowSize; r++) {
            double max = 1;
            for (int i = 0; i < rowSize; i++) {
                max = Math.max(max, Math.abs(expected[r * rowSize + i]));
            }
            double atol = RTOL * max;
            for (int i = 0; i < rowSize; i++) {
                int k = r * rowSize + i;
                double diff = Math.abs((double) got[k] - expected[k]);
                if (Float.isNaN(got[k]) || Float.isNaN(expected[k])) {
                    diff = Float.isNaN(got[k]) && Float.isNaN(expected[k]) ? 0 : Double.POSITIVE_INFINITY;
                }
                worst = Math.max(worst, diff / (atol + RTOL * Math.abs(expected[k])));
            }
        }
        return worst;
    }
}
