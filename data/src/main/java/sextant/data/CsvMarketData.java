package sextant.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>A symbol that more than one file could hold ({@code a/AEM.csv} and {@code AEM.csv}, {@code AEM.csv} and
 * {@code aem.CSV}, {@code AEM.csv} and {@code WIKI-AEM.csv}) is an ambiguous source: it is refused with an error
 * naming every candidate, never resolved by picking one, because a stray copy of another stock's prices would
 * otherwise trade silently.
 */
public final class CsvMarketData implements MarketData {
    private final Path root;
    private final Map<String, Path> files;
    private final Map<String, List<Path>> ambiguous;

    private CsvMarketData(Path root, Map<String, Path> files, Map<String, List<Path>> ambiguous) {
        this.root = root;
        this.files = files;
        this.ambiguous = ambiguous;
    }

    public static CsvMarketData open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MarketDataException(dir + ": not a directory of CSV files (set data.csv-dir or --data-dir)");
        }
        Map<String, List<Path>> candidates = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") && Files.isRegularFile(p))
                    .sorted().forEach(p -> {
                        String stem = p.getFileName().toString();
                        stem = stem.substring(0, stem.length() - 4).toUpperCase(Locale.ROOT);
                        candidates.computeIfAbsent(stem, k -> new ArrayList<>()).add(p);
                        int dash = stem.lastIndexOf('-');
                        if (dash > 0) {
                            candidates.computeIfAbsent(stem.substring(dash + 1), k -> new ArrayList<>()).add(p);
                        }
                    });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new MarketDataException(dir + ": cannot list CSV files (" + e.getMessage() + ")", e);
        }
        Map<String, Path> files = new TreeMap<>();
        Map<String, List<Path>> ambiguous = new TreeMap<>();
        candidates.forEach((sym, paths) -> {
            files.put(sym, paths.get(0));
            if (paths.size() > 1) {
                ambiguous.put(sym, List.copyOf(paths));
            }
        });
        return new CsvMarketData(dir, files, ambiguous);
    }

    /** The directory searched. */
    public Path root() {
        return root;
    }

    /** Whether some file could hold {@code symbol} (also when more than one could: reading it is then an error). */
    public boolean has(String symbol) {
        return files.containsKey(symbol.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the symbol's own file says it is a crypto pair: its layout has a {@code symbol} column (Alpaca's bar
     * export) whose first value is a pair such as {@code SUI/USD}, {@code SUIUSDT} or {@code BTC-USD} (a quote
     * currency USD, USDT, USDC or BUSD after a base of two or more letters). A file without that column says
     * nothing, and nor does a file that cannot be read here (reading its bars reports why).
     */
    public boolean fileSaysCrypto(String symbol) {
        String key = symbol.toUpperCase(Locale.ROOT);
        Path file = files.get(key);
        if (file == null || ambiguous.containsKey(key)) {
            return false;
        }
        String value = CsvBarReader.firstValueOf(file, "symbol");
        return value != null && CRYPTO_PAIR.matcher(value.trim().toUpperCase(Locale.ROOT)).matches();
    }

    private static final java.util.regex.Pattern CRYPTO_PAIR =
            java.util.regex.Pattern.compile("[A-Z0-9]{2,}[/-]?(USD|USDT|USDC|BUSD)");

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
            // symbols() lists keys of files, so each has its file.
            out.add(CsvBarReader.read(Objects.requireNonNull(files.get(sym)), new Instrument(sym, classify.apply(sym))));
        }
        return out;
    }

    @Override
    public BarSeries dailyBars(Instrument instrument, LocalDate from, LocalDate to) {
        String key = instrument.symbol().toUpperCase(Locale.ROOT);
        Path file = files.get(key);
        if (file == null) {
            throw new MarketDataException(instrument + ": no CSV file " + instrument.symbol() + ".csv under " + root);
        }
        List<Path> candidates = ambiguous.get(key);
        if (candidates != null) {
            throw new MarketDataException("ambiguous source: " + candidates.size() + " files could hold " + key + ": "
                    + String.join(", ", candidates.stream().map(Path::toString).toList())
                    + "; keep the right one and delete or rename the others (e.g. to .csv.bak)");
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
