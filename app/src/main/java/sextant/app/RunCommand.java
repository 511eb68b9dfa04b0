package sextant.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.core.calendar.CryptoCalendar;
import sextant.core.calendar.NyseCalendar;
import sextant.core.cycle.Action;
import sextant.core.market.Instrument;
import sextant.core.port.AlertSink;
import sextant.core.port.Broker;
import sextant.core.port.MarketCalendar;
import sextant.core.port.MarketData;
import sextant.core.port.TradingClock;
import sextant.engine.CycleEngine;
import sextant.engine.CycleSettings;
import sextant.engine.CycleReport;
import sextant.engine.OrderSettings;
import sextant.engine.SessionCalendars;
import sextant.engine.SessionDesk;
import sextant.engine.run.MarketGroup;
import sextant.engine.run.RunLoop;
import sextant.engine.run.SimulatedClock;
import sextant.engine.run.StepJournal;
import sextant.engine.run.StepRun;
import sextant.engine.run.SystemTradingClock;
import sextant.engine.run.TradingClockView;
import sextant.paper.PaperBroker;
import sextant.store.Database;
import sextant.store.SqliteLedger;
import sextant.store.StateLock;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the trading day by the market calendars: the cycle before the open, take-profits the moment"
                + " entries fill, the end-of-day exits, and crypto's day roll at 00:00 UTC.",
                "Runs until stopped; --once does the step due now and exits (for cron); --clock simulated drives the"
                        + " same loop over history on the local paper broker."},
        footer = {"", "Exit codes: 0 ok; 1 usage error; 2 a step failed (it is logged and alerted; a running loop tries"
                + " it again at its next wake-up)."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--once", description = "Reconcile, do the step due now, and exit.")
    boolean once;

    @Option(names = "--clock", paramLabel = "system|simulated", defaultValue = "system",
            description = "system (default), or simulated: jump from --from to --to on the paper broker's intraday clock.")
    String clock;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = CycleDateConverter.class,
            description = "First day of a simulated run (starts at 00:00 UTC).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = CycleDateConverter.class,
            description = "Last day of a simulated run (ends at 00:00 UTC the day after).")
    LocalDate to;

    @Mixin
    UniverseOptions universeOptions;

    @Mixin
    AccountOptions account;

    @Override
    @SuppressWarnings("try") // the state lock is held for the whole block, never referenced in it
    public Integer call() throws Exception {
        LiveTrading liveTrading = account.liveTrading();
        SextantConfig cfg = universeOptions.apply(common.load()).withBroker(account.broker);
        liveTrading.check(cfg);
        boolean simulated = switch (clock) {
            case "system" -> false;
            case "simulated" -> true;
            default -> throw new ConfigException("--clock must be system or simulated, got '" + clock + "'");
        };
        boolean paper = cfg.broker().type() == BrokerType.PAPER;
        checkOptions(simulated, paper);
        UniverseChoice universeChoice = universeOptions.choose(cfg);
        List<Instrument> universe = universeChoice.instruments();
        if (universe.isEmpty()) {
            return common.terminal().fail(Main.EXIT_FAILURE, universeChoice.missingLine(cfg).orElse("no symbol to trade"));
        }
        CycleSettings settings = Wiring.settings(cfg);
        Path stateDir = common.stateDir(cfg);
        String mode = liveTrading.live() ? "live" : paper ? "paper" : "alpaca-paper";
        PrintWriter err = common.terminal().err();
        Logs.useStateDir(stateDir, err, mode);
        // A simulated run keeps where it is in the state directory, so one that is killed resumes there.
        Optional<SimulatedRunState> resume = simulated ? Optional.of(SimulatedRunState.in(stateDir, from, to))
                : Optional.empty();
        TradingClock time = resume.isPresent() ? new SimulatedClock(resume.get().start(), resume.get()::save)
                : new SystemTradingClock();
        TradingClockView view = new TradingClockView(time);
        PrintWriter out = common.terminal().out();
        try (StateLock lock = StateLock.acquire(stateDir, "run"); Database db = Database.openIn(stateDir)) {
            AlpacaWiring alpaca = new AlpacaWiring(cfg.alpaca(), liveTrading, System.getenv());
            MarketCalendar stocks = paper ? new NyseCalendar() : alpaca.calendar();
            SessionCalendars calendars = SessionCalendars.of(stocks);
            MarketData marketData = Wiring.marketData(cfg, db, alpaca);
            // The paper account on the intraday clock: each session's bar is walked point by point as the loop's time
            // passes (paper:daily-bar-path), so a take-profit can fill in its entry's session.
            Broker brokerPort = paper ? PaperBroker.openIntraday(db, marketData, time::now, calendars::of, cfg.paper())
                    : alpaca.broker();
            KillSwitch gate = new KillSwitch(stateDir);
            OrderSettings orders = Wiring.orderSettings(cfg).withEntryGate(gate).withCalendars(calendars);
            AlertSink alerts = Alerts.fromConfig(cfg, mode, stateDir, System.getenv());
            SqliteLedger ledger = new SqliteLedger(db);
            StepJournal journal = new FileStepJournal(stateDir.resolve("run-steps"));
            List<MarketGroup> groups = MarketGroup.split(universe, stocks, CryptoCalendar.INSTANCE,
                    cfg.run().preOpen());
            Duration poll = cfg.run().poll();
            out.printf("Sextant run: broker %s, data %s, clock %s, calendar %s, %d symbol(s) in %s%n", brokerPort.name(),
                    marketData.describe(), simulated ? "simulated " + from + " to " + to : time.describe(),
                    stocks.describe(), universe.size(), groups.stream().map(MarketGroup::name).toList());
            out.flush();
            try (CycleEngine engine = Wiring.engine(cfg, db, marketData, brokerPort, universe).runLoop(view, orders).build()) {
                SessionDesk desk = new SessionDesk(brokerPort, ledger, settings.orderIdPrefix(), orders, alerts, view);
                RunLoop loop = new RunLoop(time, groups, (day, symbols, scope) -> printCycle(engine.run(day, symbols,
                        scope), out), desk, journal, gate, alerts, orders.exits(), poll, marketData.describe(),
                        settings.modelSpec());
                List<StepRun> runs = once ? loop.once()
                        : loop.runUntil(simulated ? to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.MAX);
                long failed = 0;
                for (StepRun r : runs) {
                    if (!r.ok()) {
                        failed++;
                        err.println("error: " + r);
                    } else if (!r.summary().isEmpty()) {
                        out.println(r);
                    }
                }
                out.printf("Done: %d step(s), %d failed; the ledger in %s has every order and fill%n", runs.size(), failed,
                        stateDir.toAbsolutePath());
                out.flush();
                err.flush();
                return failed == 0 ? Main.EXIT_OK : Main.EXIT_FAILURE;
            }
        }
    }

    private void checkOptions(boolean simulated, boolean paper) {
        if (simulated) {
            if (from == null || to == null || to.isBefore(from)) {
                throw new ConfigException("--clock simulated needs --from and --to, with --to not before --from");
            }
            if (!paper) {
                throw new ConfigException("--clock simulated runs on the local paper broker only (--broker paper):"
                        + " Alpaca trades now");
            }
            if (once || account.live) {
                throw new ConfigException("--clock simulated cannot be combined with --once or --live");
            }
        } else if (from != null || to != null) {
            throw new ConfigException("--from and --to are for --clock simulated");
        }
    }

    /** One line per cycle: what it decided and ordered; the ledger and {@code sextant report} have the rest. */
    private void printCycle(CycleReport r, PrintWriter out) {
        Map<String, Integer> actions = new TreeMap<>();
        r.decisions().forEach(d -> actions.merge(d.action().key(), 1, Integer::sum));
        Map<String, Integer> orders = new TreeMap<>();
        r.orders().forEach(e -> orders.merge(e.event(), 1, Integer::sum));
        out.printf("cycle %s (#%d): %s, orders %s, status %s%n", r.asOf(), r.cycleId(), actions, orders, r.status().key());
        r.decisions().stream().filter(d -> d.action() == Action.ERROR)
                .forEach(d -> common.terminal().err().println("error: " + d.instrument() + ": " + d.reason()));
        out.flush();
    }
}
