package sextant.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.core.cycle.PhaseTimings;
import sextant.core.market.Instrument;
import sextant.core.port.Broker;
import sextant.core.port.MarketData;
import sextant.engine.CycleEngine;
import sextant.engine.CycleReport;
import sextant.engine.CycleSettings;
import sextant.store.Database;

/**
 * Full cycles of the configured engine ({@code --config}, {@code --set}, as {@code sextant cycle} reads them) with
 * the state in a temporary directory. Orders always go to the local paper broker: a benchmark never sends orders to
 * a real broker, and says so when {@code broker.type} names one. The cold cycle is the first one (fresh state: model
 * load, no stored forecasts, cold JIT); the warm cycles are the following days in the same process, as a scheduler
 * that keeps Sextant running would see them (models loaded, past forecasts stored, only the newest bar forecast).
 */
@Command(name = "cycle", mixinStandardHelpOptions = true,
        description = "Benchmark full cycles of the configured engine: cold and warm cycle, per-phase times, symbols per second.")
final class BenchCycleCommand implements Callable<Integer> {
    /** The first cycle date: a fixed day, so that the synthetic market's runs compare. */
    static final String FIRST_DAY = "2026-03-02";

    @Mixin
    ConfigOptions configuration;

    @Mixin
    Terminal terminal;

    @Option(names = "--symbols", paramLabel = "N",
            description = "Universe size: the configured universe's first N symbols, then synthetic names (15 % crypto;"
                    + " synthetic data only). Default: the configured universe.")
    Integer symbols;

    @Option(names = "--windows", paramLabel = "N", description = "Backtest windows per symbol (default: backtest.windows).")
    Integer windows;

    @Option(names = "--model", paramLabel = "SPEC",
            description = "A model as forecast.model names one: built-in id, ONNX manifest or chronos-bolt:DIR (default: forecast.model).")
    String model;

    @Option(names = "--warm-cycles", description = "Warm cycles after the cold one (default ${DEFAULT-VALUE}).",
            defaultValue = "3")
    int warmCycles;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads, 0 = one per core (default: engine.threads).")
    Integer threads;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", defaultValue = FIRST_DAY,
            description = "Date of the cold cycle; the warm cycles follow day by day (default: ${DEFAULT-VALUE}).")
    LocalDate day;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() throws Exception {
        List<String> overrides = new ArrayList<>();
        Optional.ofNullable(windows).ifPresent(w -> overrides.add("backtest.windows=" + w));
        Optional.ofNullable(threads).ifPresent(t -> overrides.add("engine.threads=" + t));
        Optional.ofNullable(model).ifPresent(m -> overrides.add("forecast.model=" + m));
        SextantConfig configured = configuration.load(overrides);
        SextantConfig cfg = configured.withBroker(BrokerType.PAPER);
        if (configured.broker().type() != BrokerType.PAPER) {
            terminal.err().println("note: broker.type " + configured.broker().type().key() + " is not used: a benchmark"
                    + " never sends orders to a real broker, so the local paper broker trades (paper section)");
            terminal.err().flush();
        }
        CycleSettings settings = Wiring.settings(cfg);
        List<Instrument> universe = symbols == null ? UniverseChoice.resolve(cfg, false).instruments()
                : universe(cfg, symbols);
        Path tmp = Files.createTempDirectory("sextant-bench-cycle");
        Logs.useStateDir(tmp);
        LocalDate[] today = {day};
        List<TimedCycle> cycles = new ArrayList<>();
        try (Database db = Database.openIn(tmp)) {
            AlpacaWiring alpaca = new AlpacaWiring(cfg.alpaca(), LiveTrading.PAPER, System.getenv());
            MarketData data = Wiring.marketData(cfg, db, alpaca);
            Broker broker = Wiring.broker(cfg, db, data, () -> today[0], LiveTrading.PAPER, alpaca);
            try (CycleEngine engine = Wiring.engine(cfg, db, data, broker, universe).build()) {
                for (int i = 0; i <= warmCycles; i++) {
                    today[0] = day.plusDays(i);
                    long t = System.nanoTime();
                    CycleReport r = engine.run(today[0], universe);
                    double seconds = (System.nanoTime() - t) / 1e9;
                    cycles.add(new TimedCycle(today[0], seconds, CycleOutput.phases(r.timings()), r.forecastCacheHits(),
                            r.forecastsComputed()));
                }
            }
        } finally {
            deleteRecursively(tmp);
        }
        int symbolCount = universe.size();
        double cold = cycles.get(0).seconds();
        double[] warm = cycles.stream().skip(1).mapToDouble(TimedCycle::seconds).sorted().toArray();
        double warmMedian = warm.length == 0 ? Double.NaN : warm[warm.length / 2];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbols", symbolCount);
        out.put("windows", settings.windows());
        out.put("model", cfg.forecast().model());
        out.put("broker", "paper");
        out.put("threads", settings.effectiveThreads());
        out.put("cold_cycle_seconds", cold);
        out.put("warm_cycle_seconds", warmMedian);
        out.put("symbols_per_second_cold", symbolCount / cold);
        out.put("symbols_per_second_warm", symbolCount / warmMedian);
        out.put("cycles", cycles.stream().map(TimedCycle::json).toList());
        PrintWriter w = terminal.out();
        if (output.json) {
            w.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } else {
            w.printf(Locale.ROOT, "bench cycle: %d symbols x %d windows, model %s, %d threads%n", symbolCount, settings.windows(),
                    cfg.forecast().model(), settings.effectiveThreads());
            w.printf(Locale.ROOT, "%-13s", "phase (ms)");
            for (int i = 0; i < cycles.size(); i++) {
                w.printf(Locale.ROOT, " %12s", i == 0 ? "cold" : "warm " + i);
            }
            w.println();
            for (String phase : CycleOutput.phases(new PhaseTimings()).keySet()) {
                w.printf(Locale.ROOT, "%-13s", phase);
                for (TimedCycle c : cycles) {
                    w.printf(Locale.ROOT, " %12.1f", c.phasesMs().getOrDefault(phase, Double.NaN));
                }
                w.println();
            }
            w.printf(Locale.ROOT, "%-13s", "total (s)");
            for (TimedCycle c : cycles) {
                w.printf(Locale.ROOT, " %12.3f", c.seconds());
            }
            w.println();
            w.printf(Locale.ROOT, "cold cycle %.3f s (%.0f symbols/s); warm cycle (median) %.3f s (%.0f symbols/s)%n", cold,
                    symbolCount / cold, warmMedian, symbolCount / warmMedian);
        }
        w.flush();
        return Main.EXIT_OK;
    }

    /** The configured universe first, then synthetic names; about 15 % crypto. */
    static List<Instrument> universe(SextantConfig cfg, int n) {
        List<Instrument> out = new ArrayList<>(cfg.listedUniverse());
        if (n <= out.size()) {
            return new ArrayList<>(out.subList(0, n));
        }
        for (int i = out.size(); i < n; i++) {
            out.add(i % 7 == 0 ? Instrument.crypto(String.format(Locale.ROOT, "C%04dUSD", i))
                    : Instrument.stock(String.format(Locale.ROOT, "S%04d", i)));
        }
        return out;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }


    /** One timed cycle of the benchmark: its date, wall time, phase times and how many forecasts the store served. */
    private record TimedCycle(LocalDate asOf, double seconds, Map<String, Double> phasesMs, long forecastsCached,
                              long forecastsComputed) {
        Map<String, Object> json() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("as_of", asOf.toString());
            c.put("seconds", seconds);
            c.put("phases_ms", phasesMs);
            c.put("forecasts_cached", forecastsCached);
            c.put("forecasts_computed", forecastsComputed);
            return c;
        }
    }
}
