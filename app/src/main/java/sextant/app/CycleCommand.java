package sextant.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.alpaca.SessionDate;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.port.Broker;
import sextant.core.port.MarketData;
import sextant.engine.CycleEngine;
import sextant.engine.CycleReport;
import sextant.store.Database;
import sextant.store.SqliteForecastStore;
import sextant.store.SqliteLedger;
import sextant.store.StateLock;

@Command(name = "cycle", mixinStandardHelpOptions = true,
        description = {"Run one trading cycle: bars, forecasts, backtests, decisions, orders, ledger.",
                "With no configuration it trades the built-in universe on a synthetic market with the local paper broker."},
        footer = {"", "Exit codes: 0 ok; 1 usage error; 2 runtime failure (including a symbol that could not be analysed:",
                "the others are still traded, and the failed symbol's positions and orders are left untouched)."})
final class CycleCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = CycleDateConverter.class,
            description = "Cycle date: bars before it are closed, orders are for it (default: today, UTC). Paper broker only: with Alpaca the cycle date is the next session by Alpaca's clock and calendar.")
    LocalDate asOf;

    @Option(names = "--broker", paramLabel = "paper|alpaca", description = "Overrides broker.type.")
    String broker;

    @Option(names = "--data", paramLabel = "synthetic|csv|alpaca", description = "Overrides data.source.")
    String data;

    @Option(names = "--universe-from-data",
            description = "Trade every symbol of the CSV directory (sets universe.from-data; needs data.source csv).")
    boolean universeFromData;

    @Option(names = "--live", description = "Trade the live Alpaca account (needs --confirm-live).")
    boolean live;

    @Option(names = "--confirm-live", description = "Confirms that --live may place real-money orders.")
    boolean confirmLive;

    @Option(names = "--json", description = "Print the cycle report as JSON instead of tables.")
    boolean json;

    @Option(names = "--progress", negatable = true, description = "Show a progress bar (default: when stderr is a terminal).")
    Boolean progress;

    @Option(names = "--profile", description = "Record the cycle (JFR, plus a CPU flame graph where async-profiler loads) into <state-dir>/runs/.")
    boolean profile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    @SuppressWarnings("try") // the state lock is held for the whole block, never referenced in it
    public Integer call() throws Exception {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long configStart = System.currentTimeMillis();
        LiveTrading liveTrading = new LiveTrading(live, confirmLive);
        SextantConfig cfg = common.load();
        liveTrading.check(cfg);
        UniverseChoice universeChoice = UniverseChoice.resolve(cfg, universeFromData, data);
        List<Instrument> universe = universeChoice.instruments();
        String missingData = universeChoice.missingLine(cfg);
        if (universe.isEmpty()) {
            spec.commandLine().getErr().println("error: " + missingData);
            spec.commandLine().getErr().flush();
            return Main.EXIT_FAILURE;
        }
        var settings = Wiring.settings(cfg, broker);
        Path stateDir = Wiring.stateDir(cfg, common.stateDir);
        String brokerType = broker != null ? broker : cfg.string("broker.type");
        boolean realBroker = "alpaca".equals(brokerType);
        if (realBroker && asOf != null) {
            throw new ConfigException("--as-of " + asOf + " is refused with the Alpaca broker: its orders are sent now, so"
                    + " the cycle date is the next session by Alpaca's clock and calendar; use --as-of with --broker paper");
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(Wiring.clock());
        boolean showProgress = progress != null ? progress : System.console() != null && !json;

        long configDone = System.currentTimeMillis();
        Logs.useStateDir(stateDir, spec.commandLine().getErr(),
                liveTrading.live() ? "live" : realBroker ? "alpaca-paper" : "paper");
        try (StateLock lock = StateLock.acquire(stateDir, "cycle"); Database db = Database.openIn(stateDir)) {
            long dbDone = System.currentTimeMillis();
            AlpacaWiring alpaca = new AlpacaWiring(cfg, liveTrading, System.getenv());
            if (realBroker) {
                SessionDate session = alpaca.sessionDate();
                if (session.refused()) {
                    spec.commandLine().getErr().println("error: " + session.refusal());
                    spec.commandLine().getErr().flush();
                    return Main.EXIT_FAILURE;
                }
                day = session.day();
            }
            MarketData marketData = Wiring.marketData(cfg, data, db, alpaca);
            Broker brokerPort = Wiring.broker(cfg, broker, db, marketData, day, liveTrading, alpaca);
            CycleProfiler profiler = profile ? CycleProfiler.start(stateDir, day, spec.commandLine().getErr()) : null;
            CycleReport report;
            long startupMillis = System.currentTimeMillis() - jvmStartMillis;
            if (System.getenv("SEXTANT_TRACE_STARTUP") != null) {
                System.err.printf("startup: jvm+cli %d ms, config %d ms, database %d ms, wiring %d ms%n",
                        configStart - jvmStartMillis, configDone - configStart, dbDone - configDone,
                        System.currentTimeMillis() - dbDone);
            }
            try (CycleEngine engine = new CycleEngine(marketData, () -> Models.load(cfg, universe), new SqliteForecastStore(db),
                    brokerPort, new SqliteLedger(db), settings, Wiring.orderSettings(cfg).withEntryGate(new KillSwitch(stateDir)),
                    Wiring.listener(showProgress),
                    Wiring.clock())) {
                report = engine.run(day, universe);
            } finally {
                if (profiler != null) {
                    profiler.close();
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(CycleOutput.json(report, startupMillis));
            } else {
                CycleOutput.print(report, startupMillis, brokerPort.name(), marketData.describe(), out);
                CycleClosingLines.print(report, stateDir, brokerPort.name(), common, asOf != null, out);
            }
            out.flush();
            for (var w : report.dataWarnings()) {
                spec.commandLine().getErr().println("warning: " + w.instrument() + ": data: " + w.describe());
            }
            for (SymbolDecision d : report.decisions()) {
                if (d.action() == Action.ERROR) {
                    spec.commandLine().getErr().println("error: " + d.instrument() + ": " + d.reason());
                }
            }
            for (var e : report.orders()) {
                if ("failed".equals(e.event())) {
                    spec.commandLine().getErr().println("error: " + e.symbol() + ": order failed: " + e.message());
                }
            }
            if (missingData != null) {
                // Listed symbols without data were never analysed: the run needs a look (exit 2), though the ledger's
                // status covers only the symbols the cycle ran on.
                spec.commandLine().getErr().println("error: " + missingData);
                spec.commandLine().getErr().flush();
                return Main.EXIT_FAILURE;
            }
            spec.commandLine().getErr().flush();
            // The exit code follows from the status the ledger stored, so the two can never disagree.
            return report.status().exitCode();
        }
    }
}
