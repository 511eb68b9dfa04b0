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
import sextant.testkit.Shared;

/**
 * Test helper: real daily bars from ../shared/data/daily (Date,close,high,low,open,volume). The onnx module must
 * not depend on the data module, so this reads the one known layout directly.
 */
final class DailyBars {
    private DailyBars() {
    }

    static List<String> symbols(int count) {
        try (Stream<Path> files = Files.list(Shared.path("data/daily"))) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".csv"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().limit(count).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BarSeries load(String symbol) {
        Path file = Shared.path("data/daily").resolve(symbol + ".csv");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = List.of(lines.get(0).split(","));
        int di = header.indexOf("Date");
        int ci = header.indexOf("close");
        int hi = header.indexOf("high");
        int li = header.indexOf("low");
        int oi = header.indexOf("open");
        int vi = header.indexOf("volume");
        BarSeries.Builder b = BarSeries.builder(Instrument.stock(symbol));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double c = Double.parseDouble(f[ci]);
            double o = Double.parseDouble(f[oi]);
            // Adjusted prices can break the bracket by a rounding error; the model test does not care.
            b.add((int) LocalDate.parse(f[di]).toEpochDay(), o, Math.max(Double.parseDouble(f[hi]), Math.max(o, c)),
                    Math.min(Double.parseDouble(f[li]), Math.min(o, c)), c, Double.parseDouble(f[vi]));
        }
        return b.build();
    }

    static List<BarSeries> loadAll(List<String> symbols) {
        List<BarSeries> out = new ArrayList<>();
        for (String s : symbols) {
            out.add(load(s));
        }
        return out;
    }
}
