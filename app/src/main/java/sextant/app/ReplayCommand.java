package sextant.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.core.market.Instrument;
import sextant.data.PreloadedMarketData;
import sextant.engine.CycleSettings;
import sextant.engine.replay.ReplayDriver;
import sextant.paper.PaperConfig;
import sextant.store.Database;
import sextant.store.SqliteForecastStore;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Trade history one session at a time through the same code as `sextant cycle` (engine, strategy",
                "selector, portfolio, order planner, and the paper broker's fills, fees and buying power), on a fresh",
                "paper account. Reports the equity curve and its statistics against equal-weight buy-and-hold, what",
                "each entry claimed against what it made, and two controls: a constant +-1% band and shuffled forecasts."},
        footer = {"", "Exit codes: 0 ok; 1 usage error; 2 runtime failure."})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First session to trade.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last session to trade.")
    LocalDate to;

    @Mixin
    UniverseOptions universeOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write replay.json (and gate.json with --gate) here; the replay's state goes to DIR/state.")
    Path out;

    @Option(names = "--forecast-cache", paramLabel = "DIR",
            description = "A state directory whose forecast store the replay reads and writes (a cycle's own state"
                    + " directory works when no cycle runs), so a later replay over the same bars recomputes nothing.")
    Path forecastCache;

    @Option(names = "--no-controls", description = "Skip the constant-band and shuffled-forecast controls.")
    boolean noControls;

    @Option(names = "--gate", description = "Also run the realism gate: slippage 0/5/10/20 bps x fees x1/x2 x decision lag 0/1.")
    boolean gate;

    @Option(names = "--window", paramLabel = "N", defaultValue = "50",
            description = "Sessions per rolling window of the realism gate (default: ${DEFAULT-VALUE}).")
    int window;

    @Override
    public Integer call() throws Exception {
        if (to.isBefore(from)) {
            throw new ConfigException("--to " + to + " is before --from " + from);
        }
        // A replay always trades the local paper broker, whatever broker.type says.
        SextantConfig cfg = universeOptions.apply(common.load()).withBroker(BrokerType.PAPER);
        UniverseChoice universeChoice = universeOptions.choose(cfg);
        List<Instrument> universe = universeChoice.instruments();
        Optional<String> missingData = universeChoice.missingLine(cfg);
        if (missingData.isPresent()) {
            int failed = common.terminal().fail(Main.EXIT_FAILURE, missingData.get());
            if (universe.isEmpty()) {
                return failed;
            }
        }
        PaperConfig paper = cfg.paper();
        Path stateDir = stateDir();
        boolean temporary = common.stateDirOption().isEmpty() && out == null;
        Logs.useStateDir(stateDir);
        PrintWriter err = common.terminal().err();
        Optional<Database> cacheDb = Optional.ofNullable(forecastCache).map(Database::openIn);
        try {
            long start = System.nanoTime();
            AlpacaWiring alpaca = new AlpacaWiring(cfg.alpaca(), LiveTrading.PAPER, System.getenv());
            // Bars from before the first session feed its backtest windows and forecast contexts.
            PreloadedMarketData bars = PreloadedMarketData.load(Wiring.rawMarketData(cfg, alpaca), universe,
                    from.minusDays(cfg.data().lookbackDays() + 10L), to);
            ReplayRunner runner = new ReplayRunner(cfg, universe, bars, from, to, stateDir,
                    new ReplayForecastStore(cacheDb.map(SqliteForecastStore::new)));
            CycleSettings settings = runner.settings();
            ReplayResult result = ReplayResult.run(runner, paper, noControls, progressTo(err, output.showProgress()));
            List<RealismGate.Cell> cells = gate
                    ? RealismGate.run(runner, paper, window, Runtime.getRuntime().availableProcessors()) : null;
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter stdout = common.terminal().out();
            if (out != null) {
                Files.createDirectories(out);
                Files.writeString(out.resolve("replay.json"), ReplayResult.JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(result.json(settings, seconds)));
                if (cells != null) {
                    Files.writeString(out.resolve("gate.json"), ReplayResult.JSON.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(ReplayResult.gateJson(cells, window, runner)));
                }
            }
            if (output.json) {
                var node = result.json(settings, seconds);
                if (cells != null) {
                    node.set("gate", ReplayResult.gateJson(cells, window, runner).get("gate"));
                }
                stdout.println(ReplayResult.JSON.writeValueAsString(node));
            } else {
                result.print(stdout, settings, seconds);
                if (cells != null) {
                    ReplayResult.printGate(stdout, cells, window);
                }
                if (out != null) {
                    stdout.printf("Written: %s%s; state: %s%n", out.resolve("replay.json"),
                            cells != null ? ", " + out.resolve("gate.json") : "", stateDir);
                }
            }
            stdout.flush();
            return result.main().cyclesWithErrors() == 0 && missingData.isEmpty() ? Main.EXIT_OK : Main.EXIT_FAILURE;
        } finally {
            cacheDb.ifPresent(Database::close);
            if (temporary) {
                deleteQuietly(stateDir);
            }
        }
    }

    private Path stateDir() throws IOException {
        Optional<Path> given = common.stateDirOption().or(() -> Optional.ofNullable(out).map(o -> o.resolve("state")));
        if (given.isEmpty()) {
            return Files.createTempDirectory("sextant-replay-");
        }
        Path dir = given.get();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new ConfigException(dir + ": a replay needs a fresh paper account, and this state directory"
                            + " is not empty; give an empty or new --state-dir (or --out DIR)");
                }
            }
        }
        return dir;
    }

    private static ReplayDriver.Progress progressTo(PrintWriter err, boolean show) {
        if (!show) {
            return ReplayDriver.Progress.NONE;
        }
        return (done, total, day) -> {
            if (done == total || done % Math.max(1, total / 20) == 0) {
                err.printf("\rreplay: %d/%d sessions (%s)", done, total, day);
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        };
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
