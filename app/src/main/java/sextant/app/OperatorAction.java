package sextant.app;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import sextant.core.alert.AlertLevel;
import sextant.core.port.AlertSink;
import sextant.core.port.Broker;
import sextant.core.port.MarketData;
import sextant.engine.Holding;
import sextant.engine.Holdings;
import sextant.engine.OperatorOrders;
import sextant.store.Database;
import sextant.store.SqliteLedger;
import sextant.store.StateLock;

/**
 * Runs {@code flatten} or {@code cancel-all}: opens the account as a cycle would (state lock, mode check, broker), shows
 * what Sextant owns that the command would touch and what it leaves alone, asks for confirmation on the terminal
 * (or takes --yes; with neither it refuses), then acts through {@link OperatorOrders}, which records everything in
 * the ledger. Failed or refused orders raise alerts, as in a cycle.
 */
record OperatorAction(OperatorAction.Kind kind, OperatorOptions opts, CommandSpec spec) {
    enum Kind {
        FLATTEN, CANCEL_ALL;

        /** The command's name: {@code flatten}, {@code cancel-all}. */
        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @SuppressWarnings("try") // the state lock is held for the whole block, never referenced in it
    int run(Set<String> symbols) {
        SextantConfig cfg = opts.mode.apply(opts.common.load());
        TradingMode mode = opts.mode.mode(cfg);
        LiveTrading live = new LiveTrading(opts.mode.live, opts.confirmLive);
        live.check(cfg);
        if (mode.alpaca() && opts.asOf != null) {
            throw new ConfigException("--as-of is for the paper broker; Alpaca orders are sent now");
        }
        Path stateDir = Wiring.stateDir(cfg, opts.common.stateDirOption(), mode);
        if (!Files.isRegularFile(stateDir.resolve("sextant.db"))) {
            throw new ConfigException("no ledger in " + stateDir.toAbsolutePath().normalize() + " for the " + mode.key()
                    + " account: Sextant owns nothing there (pass the --state-dir and mode flags its cycles use)");
        }
        StateMode.check(stateDir, mode);
        String prefix = cfg.engine().orderIdPrefix();
        LocalDate day = opts.asOf != null ? opts.asOf : LocalDate.now(Wiring.clock());
        Logs.useStateDir(stateDir, spec.commandLine().getErr(), mode.key());
        AlertSink alerts = Alerts.fromConfig(cfg, mode.key(), stateDir, System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        try (StateLock lock = StateLock.acquire(stateDir, kind.key()); Database db = Database.openIn(stateDir)) {
            StateMode.claim(stateDir, mode, db);
            AlpacaWiring alpaca = new AlpacaWiring(cfg.alpaca(), live, System.getenv());
            MarketData data = Wiring.marketData(cfg, db, alpaca);
            Broker broker = Wiring.broker(cfg, db, data, () -> day, live, alpaca);
            OperatorOrders ops = new OperatorOrders(broker, new SqliteLedger(db), prefix, Wiring.orderSettings(cfg),
                    Wiring.clock());
            if (!preview(ops.holdings(), symbols, broker.name(), stateDir, out)) {
                out.println("Nothing of Sextant's to " + kind.key() + "; nothing sent.");
                out.flush();
                return Main.EXIT_OK;
            }
            out.flush();
            if (!confirmed()) {
                return Main.EXIT_USAGE;
            }
            OperatorOrders.Result result = kind == Kind.FLATTEN ? ops.flatten(day, symbols) : ops.cancelAll(day);
            out.printf(Locale.ROOT, "%s recorded in the ledger as cycle #%d (%s)%n", kind.key(), result.cycleId(),
                    result.status().key());
            CycleOutput.printOrders(result.events(), out);
            CycleAlerts.orders(alerts, result.events(), Wiring.clock().instant());
            if (kind == Kind.CANCEL_ALL) {
                List<Holding> bare = Holdings.withoutExit(ops.holdings());
                if (!bare.isEmpty()) {
                    out.println("Warning: Sextant's positions now have no exit order: "
                            + String.join(", ", bare.stream().map(Holding::symbol).toList())
                            + " (the next cycle places them again; `sextant flatten` closes them)");
                }
                CycleAlerts.withoutExit(alerts, bare, Wiring.clock().instant());
            }
            out.flush();
            return result.status().exitCode();
        } catch (RuntimeException e) {
            CycleAlerts.stepFailed(alerts, AlertLevel.CRITICAL, kind.key() + " failed: " + Errors.describe(e),
                    Wiring.clock().instant());
            throw e;
        }
    }

    /** Prints what would be done and left alone; false when Sextant owns nothing the command would touch. */
    private boolean preview(Map<String, Holding> holdings, Set<String> symbols, String broker, Path stateDir,
                            PrintWriter out) {
        List<String> act = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        for (Holding h : holdings.values()) {
            if (!symbols.isEmpty() && !symbols.contains(h.symbol())) {
                continue;
            }
            if (kind == Kind.FLATTEN && h.hasOwnPosition()) {
                act.add(String.format(Locale.ROOT, "  %-8s close %s at market%s", h.symbol(), CycleOutput.qty(h.ownQty()),
                        h.own().isEmpty() ? "" : ", after cancelling Sextant's " + h.own().size() + " open order(s)"));
            } else if (!h.own().isEmpty()) {
                h.own().forEach(o -> act.add(String.format(Locale.ROOT, "  %-8s cancel %s (%s %s %s)", h.symbol(),
                        o.clientOrderId(), o.side().wire(), CycleOutput.qty(o.qty() - o.filledQty()), o.type().wire())));
            }
            if (Math.abs(h.foreignQty()) > 1e-9) {
                alone.add(String.format(Locale.ROOT, "  %-8s position %s: not opened by Sextant's fills", h.symbol(),
                        CycleOutput.qty(h.foreignQty())));
            }
            h.foreign().forEach(o -> alone.add(String.format(Locale.ROOT, "  %-8s order %s: no Sextant client order id",
                    h.symbol(), o.clientOrderId())));
        }
        for (String s : symbols) {
            Holding h = holdings.get(s);
            if (h == null || (!h.hasOwnPosition() && h.own().isEmpty())) {
                alone.add(String.format(Locale.ROOT, "  %-8s nothing of Sextant's here", s));
            }
        }
        out.printf(Locale.ROOT, "%s on %s (state %s):%n", kind.key(), broker, stateDir.toAbsolutePath().normalize());
        act.forEach(out::println);
        if (!alone.isEmpty()) {
            out.println("Left alone:");
            alone.forEach(out::println);
        }
        return !act.isEmpty();
    }

    private boolean confirmed() {
        if (opts.yes) {
            return true;
        }
        PrintWriter err = spec.commandLine().getErr();
        Console console = Terminal.console();
        if (console == null) {
            err.println("error: " + kind.key() + " asks for confirmation on a terminal and there is none here; nothing was"
                    + " sent. Pass --yes to " + kind.key() + " without asking");
            err.flush();
            return false;
        }
        String answer = console.readLine("Send these orders? Type 'yes' to go on: ");
        if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
            err.println("error: not confirmed; nothing was sent");
            err.flush();
            return false;
        }
        return true;
    }
}
