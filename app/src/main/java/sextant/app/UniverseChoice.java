package sextant.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sextant.core.market.Instrument;
import sextant.data.CsvMarketData;

/**
 * The symbols a run trades, and the listed ones that the data does not hold. Reused by every command that runs
 * cycles, so that they all agree on what "the universe" is.
 *
 * @param instruments what to trade (never empty)
 * @param missing     listed symbols without data, in listing order; reported once, in one line, and not traded
 * @param origin      where the list came from, for the user ("universe.stocks/universe.crypto" or the directory)
 */
record UniverseChoice(List<Instrument> instruments, List<String> missing, String origin) {
    UniverseChoice {
        instruments = List.copyOf(instruments);
        missing = List.copyOf(missing);
    }

    /**
     * The configured universe, or with {@code universe.from-data} (or {@code fromDataFlag}) every symbol of the CSV
     * directory. A command line's {@code --data} is already applied to {@code cfg}.
     */
    static UniverseChoice resolve(SextantConfig cfg, boolean fromDataFlag) {
        DataSource source = cfg.data().source();
        boolean fromData = fromDataFlag || cfg.universe().fromData();
        if (source != DataSource.CSV) {
            if (fromData) {
                throw new ConfigException((fromDataFlag ? "--universe-from-data" : cfg.source() + ": 'universe.from-data'")
                        + " needs data.source csv (a directory of files to take the symbols from), but the data source"
                        + " is " + source.key() + "; add --set data.source=csv --set data.csv-dir=DIR");
            }
            return new UniverseChoice(cfg.listedUniverse(), List.of(), "universe.stocks/universe.crypto");
        }
        CsvMarketData data = CsvMarketData.open(cfg.data().csvDir());
        return fromData ? fromDirectory(cfg.universe().cryptoSymbols(), data) : listed(cfg, data);
    }

    private static UniverseChoice fromDirectory(Set<String> crypto, CsvMarketData data) {
        List<Instrument> out = new ArrayList<>();
        for (String sym : data.symbols()) {
            out.add(crypto.contains(sym) || data.fileSaysCrypto(sym) ? Instrument.crypto(sym) : Instrument.stock(sym));
        }
        if (out.isEmpty()) {
            throw new ConfigException(data.root() + ": no <SYMBOL>.csv files to take the universe from"
                    + " (universe.from-data); put one CSV file per symbol there or set data.csv-dir");
        }
        return new UniverseChoice(out, List.of(), data.root().toString());
    }

    private static UniverseChoice listed(SextantConfig cfg, CsvMarketData data) {
        List<Instrument> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Instrument inst : cfg.listedUniverse()) {
            if (data.has(inst.symbol())) {
                out.add(inst);
            } else {
                missing.add(inst.symbol());
            }
        }
        return new UniverseChoice(out, missing, "universe.stocks/universe.crypto");
    }

    /** The one line that reports every listed symbol without data; empty when none is missing. */
    Optional<String> missingLine(SextantConfig cfg) {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String dir = cfg.data().csvDir().toString();
        return Optional.of((missing.size() == 1 ? "1 symbol" : missing.size() + " symbols") + " of " + origin
                + (missing.size() == 1 ? " has" : " have") + " no CSV file under " + dir + ": " + String.join(", ", missing) + "; add <SYMBOL>.csv files,"
                + " remove them from the universe, or trade what " + dir + " holds with --universe-from-data");
    }
}
