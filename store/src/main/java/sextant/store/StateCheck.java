package sextant.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import sextant.core.cycle.CycleStatus;

/**
 * Checks a state database without changing it: SQLite's integrity check, the schema version, the paper account
 * recomputed from its fills (cash, positions, filled quantities), and the ledger's agreement with the broker's
 * tables. Reusable: {@code sextant state check} runs it, and so can a test after a long replay.
 *
 * <p>Rules (each failure names the table, row and values):
 * <ul>
 *   <li>integrity: {@code PRAGMA integrity_check} answers {@code ok};</li>
 *   <li>schema: {@code schema_version} is the version this Sextant writes;</li>
 *   <li>cash: initial cash less every fill's signed notional and fee equals {@code paper_account.cash};</li>
 *   <li>positions: replaying the fills in order (the broker's average-price rule) gives every
 *       {@code paper_positions} row's quantity and average price, and no other position;</li>
 *   <li>orders: a filled order's {@code filled_qty} is the sum of its fills;</li>
 *   <li>ledger: every fill handed to a cycle is in the ledger's {@code fills} with the same quantity, price and
 *       fee, and every ledger fill is one of the broker's;</li>
 *   <li>cycles: at most one cycle is {@code running} (the newest), and every status is a {@link CycleStatus}
 *       (including the wording of databases written before it).</li>
 * </ul>
 */
public final class StateCheck {
    /** Relative tolerance for money and quantities: far above float rounding, far below any hand edit. */
    static final double TOLERANCE = 1e-7;

    /** One named check and what it found; {@code problems} is empty when it passed. */
    public record Result(String check, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** All checks, in order. */
    public record Report(Path file, List<Result> results) {
        public boolean passed() {
            return results.stream().allMatch(Result::passed);
        }

        public List<String> problems() {
            List<String> out = new ArrayList<>();
            results.forEach(r -> r.problems().forEach(p -> out.add(r.check() + ": " + p)));
            return out;
        }
    }

    private StateCheck() {
    }

    /** Checks {@code stateDir/sextant.db}. */
    public static Report run(Path stateDir) {
        Path file = stateDir.resolve("sextant.db");
        List<Result> results = new ArrayList<>();
        if (!Files.exists(file)) {
            results.add(new Result("file", List.of(file + " does not exist (no cycle has run in this state directory)")));
            return new Report(file, results);
        }
        String notSextant = StateFiles.describeIfNotSextant(file);
        if (notSextant != null) {
            results.add(new Result("file", List.of(file + " " + notSextant)));
            return new Report(file, results);
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties())) {
            results.add(new Result("integrity", integrity(c)));
            results.add(new Result("schema", schema(c)));
            if (!results.get(0).passed() || !results.get(1).passed()) {
                return new Report(file, results);
            }
            results.add(new Result("cash", cash(c)));
            results.add(new Result("positions", positions(c)));
            results.add(new Result("orders", orders(c)));
            results.add(new Result("sending", sending(c)));
            results.add(new Result("ledger", ledger(c)));
            results.add(new Result("cycles", cycles(c)));
        } catch (SQLException e) {
            results.add(new Result("read", List.of(file + ": " + e.getMessage() + StateFiles.consequence(e))));
        }
        return new Report(file, results);
    }

    private static List<String> integrity(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                if (!"ok".equals(rs.getString(1))) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String> schema(Connection c) throws SQLException {
        int v = Migrations.currentVersion(c);
        return v == Migrations.STEPS.size() ? List.of()
                : List.of("schema version " + v + ", this Sextant writes " + Migrations.STEPS.size()
                        + (v < Migrations.STEPS.size() ? " (the next cycle migrates it)" : " (upgrade Sextant)"));
    }

    /** A fill of the paper broker, as stored. */
    private record PaperFill(long seq, String orderId, String symbol, String side, double qty, double price, double fee,
                             boolean reported) {
        double signedQty() {
            return "BUY".equals(side) ? qty : -qty;
        }

        String describe() {
            return String.format(Locale.ROOT, "paper_fills seq %d (%s %s %s @ %s, order %s)", seq, symbol, side,
                    num(qty), num(price), orderId);
        }
    }

    private static List<PaperFill> paperFills(Connection c) throws SQLException {
        List<PaperFill> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, order_id, symbol, side, qty, price,"
                + " fee, reported FROM paper_fills ORDER BY seq")) {
            while (rs.next()) {
                out.add(new PaperFill(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getDouble(7), rs.getInt(8) != 0));
            }
        }
        return out;
    }

    private static List<String> cash(Connection c) throws SQLException {
        double initial;
        double cash;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT initial_cash, cash FROM paper_account")) {
            if (!rs.next()) {
                return List.of(); // no paper account in this state (an Alpaca-only state)
            }
            initial = rs.getDouble(1);
            cash = rs.getDouble(2);
        }
        double expected = initial;
        for (PaperFill f : paperFills(c)) {
            expected -= f.signedQty() * f.price() + f.fee();
        }
        return close(expected, cash) ? List.of()
                : List.of("paper_account.cash is " + num(cash) + ", but the initial cash " + num(initial)
                        + " less every fill's notional and fee is " + num(expected));
    }

    private static List<String> positions(Connection c) throws SQLException {
        Map<String, double[]> replayed = new LinkedHashMap<>(); // symbol -> {qty, avg}
        for (PaperFill f : paperFills(c)) {
            double[] p = replayed.computeIfAbsent(f.symbol(), k -> new double[2]);
            double signed = f.signedQty();
            double newQty = p[0] + signed;
            if (Math.abs(newQty) < 1e-12) {
                p[0] = 0;
                p[1] = 0;
                continue;
            }
            if (p[0] == 0 || Math.signum(p[0]) != Math.signum(newQty)) {
                p[1] = f.price();
            } else if (Math.abs(newQty) > Math.abs(p[0])) {
                p[1] = (p[0] * p[1] + signed * f.price()) / newQty;
            }
            p[0] = newQty;
        }
        List<String> out = new ArrayList<>();
        Map<String, double[]> stored = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT symbol, qty, avg_price FROM paper_positions")) {
            while (rs.next()) {
                stored.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
            }
        }
        for (Map.Entry<String, double[]> e : stored.entrySet()) {
            double[] want = replayed.getOrDefault(e.getKey(), new double[2]);
            double[] got = e.getValue();
            if (!close(want[0], got[0]) || !close(want[1], got[1])) {
                out.add("paper_positions " + e.getKey() + " holds " + num(got[0]) + " @ " + num(got[1])
                        + ", but its fills give " + num(want[0]) + " @ " + num(want[1]));
            }
        }
        for (Map.Entry<String, double[]> e : replayed.entrySet()) {
            if (e.getValue()[0] != 0 && !stored.containsKey(e.getKey())) {
                out.add("paper_positions has no " + e.getKey() + ", but its fills give " + num(e.getValue()[0]) + " @ "
                        + num(e.getValue()[1]));
            }
        }
        return out;
    }

    private static List<String> orders(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT o.id, o.symbol, o.status, o.filled_qty,"
                + " COALESCE((SELECT SUM(f.qty) FROM paper_fills f WHERE f.order_id = o.id), 0) FROM paper_orders o"
                + " ORDER BY o.id")) {
            while (rs.next()) {
                double filled = rs.getDouble(4);
                double fills = rs.getDouble(5);
                if (!close(filled, fills)) {
                    out.add("paper_orders " + rs.getString(1) + " (" + rs.getString(2) + ", " + rs.getString(3)
                            + ") says filled " + num(filled) + ", its fills add up to " + num(fills));
                }
            }
        }
        return out;
    }

    /** Requests left in doubt by a process that stopped while sending them (the table exists from schema V7). */
    private static List<String> sending(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet t = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'order_intents'")) {
                if (!t.next()) {
                    return out;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT client_order_id, symbol, written_at FROM order_intents ORDER BY rowid")) {
                while (rs.next()) {
                    out.add("order " + rs.getString(1) + " (" + rs.getString(2) + ") was being sent at " + rs.getString(3)
                            + " when Sextant stopped, and no outcome is recorded; the next cycle or run step asks the"
                            + " broker for it before anything else");
                }
            }
        }
        return out;
    }

    private static List<String> ledger(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        Map<String, List<double[]>> ledgerFills = new HashMap<>(); // order id + side -> {qty, price, fee, matched}
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT f.order_id, f.side, f.qty, f.price, f.fee"
                + " FROM fills f JOIN cycles c ON c.id = f.cycle_id WHERE c.broker = 'paper' ORDER BY f.rowid")) {
            while (rs.next()) {
                ledgerFills.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2).toUpperCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(new double[] {rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), 0});
            }
        }
        for (PaperFill f : paperFills(c)) {
            if (!f.reported()) {
                continue; // not yet handed to a cycle: the next cycle records it
            }
            List<double[]> candidates = ledgerFills.getOrDefault(f.orderId() + "/" + f.side(), List.of());
            double[] match = null;
            for (double[] l : candidates) {
                if (l[3] == 0 && close(l[0], f.qty()) && close(l[1], f.price()) && close(l[2], f.fee())) {
                    match = l;
                    break;
                }
            }
            if (match != null) {
                match[3] = 1;
            } else if (candidates.isEmpty()) {
                out.add(f.describe() + " is not in the ledger's fills");
            } else {
                double[] l = candidates.get(0);
                out.add(f.describe() + " differs from the ledger's fill of that order (" + num(l[0]) + " @ " + num(l[1])
                        + ", fee " + num(l[2]) + "; the broker's fee is " + num(f.fee()) + ")");
            }
        }
        for (Map.Entry<String, List<double[]>> e : ledgerFills.entrySet()) {
            for (double[] l : e.getValue()) {
                if (l[3] == 0 && out.stream().noneMatch(p -> p.contains("order " + e.getKey().split("/")[0] + ")"))) {
                    out.add("the ledger's fill of order " + e.getKey() + " (" + num(l[0]) + " @ " + num(l[1])
                            + ") is not one of the paper broker's fills");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT o.client_order_id, o.symbol FROM orders o JOIN cycles c ON"
                + " c.id = o.cycle_id WHERE c.broker = 'paper' AND o.event = 'submitted' AND NOT EXISTS (SELECT 1 FROM"
                + " paper_orders p WHERE p.client_order_id = o.client_order_id)")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add("the ledger records order " + rs.getString(1) + " (" + rs.getString(2)
                            + ") as submitted, but the paper broker has no such order");
                }
            }
        }
        return out;
    }

    private static List<String> cycles(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM cycles WHERE status='running'"
                + " AND id < (SELECT MAX(id) FROM cycles)")) {
            while (rs.next()) {
                out.add("cycle " + rs.getLong(1) + " is still marked running though a later cycle started");
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, status FROM cycles ORDER BY id")) {
            while (rs.next()) {
                try {
                    CycleStatus.fromKey(rs.getString(2));
                } catch (IllegalArgumentException e) {
                    out.add("cycle " + rs.getLong(1) + " has " + e.getMessage());
                }
            }
        }
        return out;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
