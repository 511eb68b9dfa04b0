package sextant.core.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import sextant.testkit.Shared;

/** Reads the anchor golden cases (test helper). */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        return Shared.path("fixtures/anchor-maxdiff");
    }

    static List<Path> windowCases() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.json")).sorted().toList();
        }
    }

    static JsonNode read(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    static double[] doubles(JsonNode n, String field) {
        JsonNode a = n.get(field);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    /** The case's bands: bars rows 0..n+1, forecasts of rows 1..n. */
    static BandSeries bands(JsonNode c) {
        JsonNode bars = c.get("bars");
        int m = bars.size();
        double[] close = new double[m];
        double[] high = new double[m];
        double[] low = new double[m];
        for (int i = 0; i < m; i++) {
            close[i] = bars.get(i).get("close").asDouble();
            high[i] = bars.get(i).get("high").asDouble();
            low[i] = bars.get(i).get("low").asDouble();
        }
        JsonNode f = c.get("forecast_pct");
        return BandSeries.of(close, high, low, shift(doubles(f, "close"), m), shift(doubles(f, "high"), m),
                shift(doubles(f, "low"), m));
    }

    private static double[] shift(double[] v, int m) {
        double[] out = new double[m];
        Arrays.fill(out, Double.NaN);
        System.arraycopy(v, 0, out, 1, v.length);
        return out;
    }
}
