package sextant.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;

/**
 * Test helper: real daily bars from ../shared/data/daily (Date,close,high,low,open,volume). The onnx module must
 * not depend on the data module, so this reads the one known layout directly.
 */
final class DailyBars {
    private DailyBars() {
    }

    static List<String> symbols(int count) {
        try (Stream<Path> files = Files.list(SharedModels.shared().resolve("data").resolve("daily"))) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".csv"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().limit(count).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BarSeries load(String symbol) {
        Path file = SharedModels.shared().resolve("data").resolve("daily").resolve(symbol + ".csv");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = lines.size() - 1;
        int[] days = new int[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        List<String> header = List.of(lines.get(0).split(","));
        int di = header.indexOf("Date");
        int ci = header.indexOf("close");
        int hi = header.indexOf("high");
        int li = header.indexOf("low");
        int oi = header.indexOf("open");
        int vi = header.indexOf("volume");
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            days[i] = (int) LocalDate.parse(f[di]).toEpochDay();
            c[i] = Double.parseDouble(f[ci]);
            o[i] = Double.parseDouble(f[oi]);
            // Adjusted prices can break the bracket by a rounding error; the model test does not care.
            h[i] = Math.max(Double.parseDouble(f[hi]), Math.max(o[i], c[i]));
            l[i] = Math.min(Double.parseDouble(f[li]), Math.min(o[i], c[i]));
            v[i] = Double.parseDouble(f[vi]);
        }
        return BarSeries.of(Instrument.stock(symbol), days, o, h, l, c, v);
    }

    static List<BarSeries> loadAll(List<String> symbols) {
        List<BarSeries> out = new ArrayList<>();
        for (String s : symbols) {
            out.add(load(s));
        }
        return out;
    }
}
