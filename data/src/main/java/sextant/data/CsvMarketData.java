package sextant.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import sextant.core.market.AssetClass;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.port.MarketData;
import sextant.core.port.MarketDataException;

/**
 * Market data from a directory of CSV files, searched recursively. A symbol's file is {@code <SYMBOL>.csv}, or
 * {@code <PREFIX>-<SYMBOL>.csv} (e.g. {@code WIKI-AAPL.csv}); names are matched case-insensitively.
 */
public final class CsvMarketData implements MarketData {
    private final Path root;
    private final Map<String, Path> files;

    private CsvMarketData(Path root, Map<String, Path> files) {
        this.root = root;
        this.files = files;
    }

    public static CsvMarketData open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MarketDataException(dir + ": not a directory of CSV files (set data.csv-dir or --data-dir)");
        }
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().forEach(p -> {
                String stem = p.getFileName().toString();
                stem = stem.substring(0, stem.length() - 4).toUpperCase(Locale.ROOT);
                files.putIfAbsent(stem, p);
                int dash = stem.lastIndexOf('-');
                if (dash > 0) {
                    files.putIfAbsent(stem.substring(dash + 1), p);
                }
            });
        } catch (IOException e) {
            throw new MarketDataException(dir + ": cannot list CSV files (" + e.getMessage() + ")", e);
        }
        return new CsvMarketData(dir, files);
    }

    /** Symbols with a file, in name order (prefixed names such as WIKI-AAPL are listed once, as the full stem). */
    public List<String> symbols() {
        List<String> out = new ArrayList<>();
        files.forEach((sym, p) -> {
            String stem = p.getFileName().toString();
            if (stem.substring(0, stem.length() - 4).equalsIgnoreCase(sym)) {
                out.add(sym);
            }
        });
        return out;
    }

    /** Reads every file, classifying each symbol with {@code classify}. */
    public List<BarSeries> loadAll(Function<String, AssetClass> classify) {
        List<BarSeries> out = new ArrayList<>();
        for (String sym : symbols()) {
            out.add(CsvBarReader.read(files.get(sym), new Instrument(sym, classify.apply(sym))));
        }
        return out;
    }

    @Override
    public BarSeries dailyBars(Instrument instrument, LocalDate from, LocalDate to) {
        Path file = files.get(instrument.symbol().toUpperCase(Locale.ROOT));
        if (file == null) {
            throw new MarketDataException(instrument + ": no CSV file " + instrument.symbol() + ".csv under " + root);
        }
        BarSeries all = CsvBarReader.read(file, instrument);
        int a = all.indexOnOrAfter(from);
        int b = all.indexOnOrAfter(to.plusDays(1));
        return a == 0 && b == all.size() ? all : all.slice(a, b);
    }

    @Override
    public String describe() {
        return "csv:" + root;
    }
}
