package sextant.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sextant.core.cycle.PhaseTimings;
import sextant.core.market.Instrument;
import sextant.data.SyntheticMarket;
import sextant.engine.CycleEngine;
import sextant.engine.CycleListener;
import sextant.engine.CycleReport;
import sextant.engine.CycleSettings;
import sextant.paper.PaperBroker;
import sextant.paper.PaperConfig;
import sextant.store.CachedMarketData;
import sextant.store.Database;
import sextant.store.SqliteForecastStore;
import sextant.store.SqliteLedger;

/**
 * Full cycles on a synthetic market with the local paper broker and the ledger in a temporary directory.
 * The cold cycle is the first one (fresh state: model load, no stored forecasts, cold JIT); the warm cycles are
 * the following days in the same process, as a scheduler that keeps Sextant running would see them (models
 * loaded, past forecasts stored, only the newest bar forecast).
 */
@Command(name = "cycle", mixinStandardHelpOptions = true,
        description = "Benchmark full cycles on synthetic data: cold and warm cycle, per-phase times, symbols per second.")
final class BenchCycleCommand implements Callable<Integer> {
    @Option(names = "--symbols", description = "Universe size (default ${DEFAULT-VALUE}; 15 % crypto).", defaultValue = "27")
    int symbols;

    @Option(names = "--windows", description = "Backtest windows per symbol (default ${DEFAULT-VALUE}).", defaultValue = "70")
    int windows;

    @Option(names = "--model", description = "builtin (the configured built-in model) or an ONNX manifest path.",
            defaultValue = "builtin")
    String model;

    @Option(names = "--warm-cycles", description = "Warm cycles after the cold one (default ${DEFAULT-VALUE}).",
            defaultValue = "3")
    int warmCycles;

    @Option(names = "--threads", description = "Worker threads (0 = one per core).", defaultValue = "0")
    int threads;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> overrides = new ArrayList<>(List.of("backtest.windows=" + windows, "engine.threads=" + threads));
        if (!"builtin".equals(model)) {
            overrides.add("forecast.model=" + model);
        }
        SextantConfig cfg = SextantConfig.load(null, overrides);
        CycleSettings settings = Wiring.settings(cfg);
        List<Instrument> universe = universe(symbols);
        Path tmp = Files.createTempDirectory("sextant-bench-cycle");
        Logs.useStateDir(tmp);
        LocalDate day = LocalDate.of(2026, 3, 2);
        LocalDate[] today = {day};
        List<Map<String, Object>> cycles = new ArrayList<>();
        try (Database db = Database.openIn(tmp)) {
            var data = new CachedMarketData(new SyntheticMarket(cfg.integer("data.synthetic-seed")), db);
            var broker = PaperBroker.open(db, data, () -> today[0], new PaperConfig(1_000_000, 0.0005, 0.0015, 1));
            try (CycleEngine engine = new CycleEngine(data, () -> Models.load(cfg, universe), new SqliteForecastStore(db), broker,
                    new SqliteLedger(db), settings, CycleListener.NONE, Clock.systemUTC())) {
                for (int i = 0; i <= warmCycles; i++) {
                    today[0] = day.plusDays(i);
                    long t = System.nanoTime();
                    CycleReport r = engine.run(today[0], universe);
                    double seconds = (System.nanoTime() - t) / 1e9;
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("as_of", today[0].toString());
                    c.put("seconds", seconds);
                    c.put("phases_ms", CycleOutput.phases(r.timings()));
                    c.put("forecasts_cached", r.forecastCacheHits());
                    c.put("forecasts_computed", r.forecastsComputed());
                    cycles.add(c);
                }
            }
        } finally {
            deleteRecursively(tmp);
        }
        double cold = (double) cycles.get(0).get("seconds");
        double[] warm = cycles.stream().skip(1).mapToDouble(c -> (double) c.get("seconds")).sorted().toArray();
        double warmMedian = warm.length == 0 ? Double.NaN : warm[warm.length / 2];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbols", symbols);
        out.put("windows", windows);
        out.put("model", cfg.string("forecast.model"));
        out.put("threads", settings.effectiveThreads());
        out.put("cold_cycle_seconds", cold);
        out.put("warm_cycle_seconds", warmMedian);
        out.put("symbols_per_second_cold", symbols / cold);
        out.put("symbols_per_second_warm", symbols / warmMedian);
        out.put("cycles", cycles);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } else {
            w.printf(Locale.ROOT, "bench cycle: %d symbols x %d windows, model %s, %d threads%n", symbols, windows,
                    cfg.string("forecast.model"), settings.effectiveThreads());
            w.printf(Locale.ROOT, "%-13s", "phase (ms)");
            for (int i = 0; i < cycles.size(); i++) {
                w.printf(Locale.ROOT, " %12s", i == 0 ? "cold" : "warm " + i);
            }
            w.println();
            for (String phase : CycleOutput.phases(new PhaseTimings()).keySet()) {
                w.printf(Locale.ROOT, "%-13s", phase);
                for (Map<String, Object> c : cycles) {
                    @SuppressWarnings("unchecked")
                    Map<String, Double> p = (Map<String, Double>) c.get("phases_ms");
                    w.printf(Locale.ROOT, " %12.1f", p.get(phase));
                }
                w.println();
            }
            w.printf(Locale.ROOT, "%-13s", "total (s)");
            for (Map<String, Object> c : cycles) {
                w.printf(Locale.ROOT, " %12.3f", (double) c.get("seconds"));
            }
            w.println();
            w.printf(Locale.ROOT, "cold cycle %.3f s (%.0f symbols/s); warm cycle (median) %.3f s (%.0f symbols/s)%n", cold,
                    symbols / cold, warmMedian, symbols / warmMedian);
        }
        w.flush();
        return Main.EXIT_OK;
    }

    /** The default universe first, then synthetic names; about 15 % crypto. */
    static List<Instrument> universe(int n) {
        List<Instrument> out = new ArrayList<>(Wiring.universe(SextantConfig.load(null, List.of())));
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

}
