package sextant.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.alpaca.SessionDate;
import sextant.core.alert.AlertLevel;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.port.AlertSink;
import sextant.core.port.Broker;
import sextant.core.port.MarketData;
import sextant.engine.CycleEngine;
import sextant.engine.CycleReport;
import sextant.engine.Holdings;
import sextant.store.Database;
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

    @Mixin
    UniverseOptions universeOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = CycleDateConverter.class,
            description = "Cycle date: bars before it are closed, orders are for it (default: today, UTC). Paper broker only: with Alpaca the cycle date is the next session by Alpaca's clock and calendar.")
    LocalDate asOf;

    @Mixin
    AccountOptions account;

    @Option(names = "--profile", description = "Record the cycle (JFR, plus a CPU flame graph where async-profiler loads) into <state-dir>/runs/.")
    boolean profile;

    @Override
    @SuppressWarnings("try") // the state lock is held for the whole block, never referenced in it
    public Integer call() throws Exception {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long configStart = System.currentTimeMillis();
        LiveTrading liveTrading = account.liveTrading();
        SextantConfig cfg = universeOptions.apply(common.load()).withBroker(account.broker);
        liveTrading.check(cfg);
        UniverseChoice universeChoice = universeOptions.choose(cfg);
        List<Instrument> universe = universeChoice.instruments();
        Optional<String> missingData = universeChoice.missingLine(cfg);
        if (universe.isEmpty()) {
            // Only listed symbols without files leave nothing to trade (an empty directory is refused earlier).
            return common.terminal().fail(Main.EXIT_FAILURE, missingData.orElse("no symbol to trade"));
        }
        boolean realBroker = cfg.broker().type() == BrokerType.ALPACA;
        TradingMode mode = TradingMode.of(cfg.broker().type(), liveTrading.live());
        Path stateDir = Wiring.stateDir(cfg, common.stateDirOption(), mode);
        if (realBroker && asOf != null) {
            throw new ConfigException("--as-of " + asOf + " is refused with the Alpaca broker: its orders are sent now, so"
                    + " the cycle date is the next session by Alpaca's clock and calendar; use --as-of with --broker paper");
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(Wiring.clock());

        long configDone = System.currentTimeMillis();
        PrintWriter err = common.terminal().err();
        Logs.useStateDir(stateDir, err, mode.key());
        AlertSink alerts = Alerts.fromConfig(cfg, mode.key(), stateDir, System.getenv());
        try (StateLock lock = StateLock.acquire(stateDir, "cycle"); Database db = Database.openIn(stateDir)) {
            StateMode.claim(stateDir, mode, db);
            long dbDone = System.currentTimeMillis();
            AlpacaWiring alpaca = new AlpacaWiring(cfg.alpaca(), liveTrading, System.getenv());
            if (realBroker) {
                SessionDate session = alpaca.sessionDate();
                LocalDate sessionDay = session.day();
                if (session.refused() || sessionDay == null) {
                    String why = Objects.toString(session.refusal(), "Alpaca named no session date; nothing was sent");
                    CycleAlerts.stepFailed(alerts, AlertLevel.WARNING, "cycle not run: " + why, Wiring.clock().instant());
                    return common.terminal().fail(Main.EXIT_FAILURE, why);
                }
                day = sessionDay;
            }
            LocalDate cycleDay = day;
            MarketData marketData = Wiring.marketData(cfg, db, alpaca);
            Broker brokerPort = Wiring.broker(cfg, db, marketData, () -> cycleDay, liveTrading, alpaca);
            CycleProfiler profiler = profile ? CycleProfiler.start(stateDir, day, err) : null;
            CycleReport report;
            long startupMillis = System.currentTimeMillis() - jvmStartMillis;
            if (System.getenv("SEXTANT_TRACE_STARTUP") != null) {
                System.err.printf("startup: jvm+cli %d ms, config %d ms, database %d ms, wiring %d ms%n",
                        configStart - jvmStartMillis, configDone - configStart, dbDone - configDone,
                        System.currentTimeMillis() - dbDone);
            }
            try (CycleEngine engine = Wiring.engine(cfg, db, marketData, brokerPort, universe)
                    .entryGate(new KillSwitch(stateDir)).listener(Wiring.listener(output.showProgress())).build()) {
                report = engine.run(day, universe);
            } finally {
                if (profiler != null) {
                    profiler.close();
                }
            }
            // After the orders phase: what Sextant holds that no order of its own exits.
            CycleAlerts.afterCycle(alerts, report, Holdings.withoutExit(Holdings.split(cfg.engine().orderIdPrefix(),
                    brokerPort.positions(), brokerPort.openOrders(), new SqliteLedger(db).ownedPositions())),
                    Wiring.clock().instant());
            PrintWriter out = common.terminal().out();
            if (output.json) {
                out.println(CycleOutput.json(report, startupMillis));
            } else {
                CycleOutput.print(report, startupMillis, brokerPort.name(), marketData.describe(), out);
                CycleClosingLines.print(report, stateDir, brokerPort.name(), common, asOf != null, out);
            }
            out.flush();
            for (var w : report.dataWarnings()) {
                err.println("warning: " + w.instrument() + ": data: " + w.describe());
            }
            for (SymbolDecision d : report.decisions()) {
                if (d.action() == Action.ERROR) {
                    err.println("error: " + d.instrument() + ": " + d.reason());
                }
            }
            for (var e : report.orders()) {
                if ("failed".equals(e.event())) {
                    err.println("error: " + e.symbol() + ": order failed: " + e.message());
                }
            }
            if (missingData.isPresent()) {
                // Listed symbols without data were never analysed: the run needs a look (exit 2), though the ledger's
                // status covers only the symbols the cycle ran on.
                CycleAlerts.stepFailed(alerts, AlertLevel.WARNING, "cycle #" + report.cycleId() + ": " + missingData.get(),
                        Wiring.clock().instant());
                return common.terminal().fail(Main.EXIT_FAILURE, missingData.get());
            }
            err.flush();
            // The exit code follows from the status the ledger stored, so the two can never disagree.
            return report.status().exitCode();
        } catch (RuntimeException e) {
            // Also when the state, the broker or the ledger failed before or during the cycle.
            CycleAlerts.stepFailed(alerts, AlertLevel.CRITICAL, "cycle failed: " + Errors.describe(e), Wiring.clock().instant());
            throw e;
        }
    }
}
