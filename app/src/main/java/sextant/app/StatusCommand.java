package sextant.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.core.calendar.NyseCalendar;
import sextant.core.order.Account;
import sextant.core.order.Order;
import sextant.core.order.OwnedPosition;
import sextant.core.order.Position;
import sextant.core.order.PositionPlan;
import sextant.core.port.Broker;
import sextant.engine.Holdings;
import sextant.paper.PaperAccountView;
import sextant.store.Database;
import sextant.store.LedgerReader;
import sextant.store.SqliteLedger;

/**
 * {@code sextant status}: what Sextant holds and has working right now, for an operator. Read-only: it places and
 * cancels nothing, takes no state lock (a cycle may run meanwhile), and does not settle the paper account (it shows
 * the account as the last cycle left it).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show Sextant's positions with their plans and exits, its open orders, what it leaves alone,",
                "today's realised P&L, the kill switch and the next scheduled step. Places nothing."},
        footer = {"", "Exit codes: 0 shown (positions without an exit are flagged in the text and under"
                + " \"without_exit\"); 1 usage error; 2 the state or the broker could not be read."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    ModeOptions modeOptions;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = CycleDateConverter.class,
            description = "The day whose realised P&L is shown (default: today, UTC); for paper accounts run with --as-of.")
    LocalDate asOf;

    @Mixin
    JsonOption output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SextantConfig cfg = modeOptions.apply(common.load());
        TradingMode mode = modeOptions.mode(cfg);
        Path stateDir = Wiring.stateDir(cfg, common.stateDirOption(), mode);
        if (!Files.isRegularFile(stateDir.resolve("sextant.db"))) {
            throw new ConfigException("no ledger in " + stateDir.toAbsolutePath().normalize() + " for the " + mode.key()
                    + " account (run `sextant cycle` first, or pass its --state-dir and mode flags)");
        }
        StateMode.check(stateDir, mode);
        String prefix = cfg.engine().orderIdPrefix();
        Logs.useStateDir(stateDir, spec.commandLine().getErr());
        Instant now = Wiring.clock().instant();
        StatusReport report;
        try (Database db = Database.openIn(stateDir)) {
            report = collect(cfg, db, mode, stateDir, prefix, now);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(StatusOutput.json(report));
        } else {
            StatusOutput.print(report, out);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private StatusReport collect(SextantConfig cfg, Database db, TradingMode mode, Path stateDir, String prefix,
                                 Instant now) {
        SqliteLedger ledger = new SqliteLedger(db);
        List<Position> positions;
        List<Order> orders;
        double equity;
        double cash;
        String note;
        String brokerName;
        Map<String, OwnedPosition> owned;
        if (mode.alpaca()) {
            // Read-only calls: the live account's status needs --live (the right keys and URL), not --confirm-live,
            // which confirms sending real-money orders.
            Broker broker = new AlpacaWiring(cfg.alpaca(), new LiveTrading(mode == TradingMode.LIVE, mode == TradingMode.LIVE),
                    System.getenv()).broker();
            Account a = broker.account();
            positions = broker.positions();
            orders = broker.openOrders();
            equity = a.equity();
            cash = a.cash();
            brokerName = broker.name();
            // Fills since the last cycle are booked by the next cycle (or flatten); shown as Sextant's meanwhile.
            Holdings.Owned withFills = Holdings.ownedWithUnbooked(broker, ledger);
            owned = withFills.positions();
            note = "from " + brokerName + " now" + (withFills.unbookedFills() == 0 ? "" : "; " + withFills.unbookedFills()
                    + " fill(s) of Sextant's orders are not booked in the ledger yet (the next cycle books them) and are"
                    + " counted as Sextant's");
        } else {
            PaperAccountView view = PaperAccountView.read(db).orElseThrow(() -> new ConfigException(
                    "the state in " + stateDir + " has no paper account yet (run `sextant cycle` first)"));
            positions = view.positions();
            orders = view.openOrders();
            equity = view.equity();
            cash = view.cash();
            brokerName = "paper";
            owned = ledger.ownedPositions();
            note = paperNote(view);
        }
        Map<String, List<PositionPlan>> plans = ledger.activePositionPlans().stream().collect(Collectors.groupingBy(
                p -> p.instrument().symbol(), LinkedHashMap::new, Collectors.toList()));
        LocalDate today = asOf != null ? asOf : now.atZone(ZoneOffset.UTC).toLocalDate();
        return new StatusReport(now, mode, stateDir.toAbsolutePath().normalize(), brokerName, equity, cash, note,
                new KillSwitch(stateDir).entries(), Holdings.split(prefix, positions, orders, owned),
                plans, new LedgerReader(db).realizedOn(today), NextSteps.at(now, new NyseCalendar()));
    }

    /** How far the paper account shown is settled: by the daily clock (cycles), the intraday one (run), or not yet. */
    static String paperNote(PaperAccountView view) {
        if (view.intraday().isPresent()) {
            PaperAccountView.IntradayMark m = view.intraday().get();
            return "the paper account as last settled on the intraday clock (sextant run), through the " + m.point()
                    + " of the session of " + m.session() + " (" + m.symbols() + " symbol(s) stepped); the next step"
                    + " settles what filled since";
        }
        return "the paper account as last settled" + view.settledThrough().map(d -> ", through the bar of " + d)
                .orElse(", never settled yet") + "; the next cycle settles what filled since";
    }
}
