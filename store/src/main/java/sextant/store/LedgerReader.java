package sextant.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the ledger back for reports: what a past cycle saw, decided, ordered and how long each phase took. Rows
 * come back as ordered column maps so that a report can print them as they are stored.
 */
public final class LedgerReader {
    private final Database db;

    public LedgerReader(Database db) {
        this.db = db;
    }

    /** The newest cycle's id, if any cycle was recorded. */
    public Optional<Long> lastCycleId() {
        List<Map<String, Object>> rows = query("SELECT MAX(id) AS id FROM cycles", null);
        Object id = rows.isEmpty() ? null : rows.get(0).get("id");
        return id == null ? Optional.empty() : Optional.of(((Number) id).longValue());
    }

    public List<Map<String, Object>> recentCycles(int limit) {
        return query("SELECT id, started_at, as_of, status, broker, model, symbols, total_ms, summary FROM cycles"
                + " ORDER BY id DESC LIMIT " + Math.max(1, limit), null);
    }

    public Optional<Map<String, Object>> cycle(long id) {
        return query("SELECT * FROM cycles WHERE id=?", id).stream().findFirst();
    }

    public List<Map<String, Object>> phases(long id) {
        return query("SELECT phase, millis, note FROM phase_timings WHERE cycle_id=? ORDER BY rowid", id);
    }

    public List<Map<String, Object>> decisions(long id) {
        return query("SELECT symbol, action, strategy, side, qty, entry_price, take_profit, score, reason FROM decisions"
                + " WHERE cycle_id=? ORDER BY symbol", id);
    }

    public List<Map<String, Object>> orders(long id) {
        return query("SELECT event, symbol, side, qty, type, limit_price, tif, status, client_order_id, reason FROM orders"
                + " WHERE cycle_id=? ORDER BY rowid", id);
    }

    public List<Map<String, Object>> fills(long id) {
        return query("SELECT symbol, side, qty, price, fee, at, client_order_id, realized_pnl FROM fills WHERE cycle_id=? ORDER BY rowid",
                id);
    }

    public List<Map<String, Object>> account(long id) {
        return query("SELECT at, cash, equity, buying_power, last_equity FROM account_snapshots WHERE cycle_id=?", id);
    }

    /** What Sextant's fills realised on one day (UTC), fees included, and how many fills there were. */
    public record RealizedDay(java.time.LocalDate day, double pnl, int fills) {
    }

    /** The fills booked with a time on {@code day} (UTC): today's realised P&L for {@code sextant status}. */
    public RealizedDay realizedOn(java.time.LocalDate day) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(realized_pnl), 0), COUNT(*) FROM fills"
                    + " WHERE substr(at, 1, 10) = ?")) {
                ps.setString(1, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new RealizedDay(day, rs.getDouble(1), rs.getInt(2));
                }
            }
        });
    }

    private List<Map<String, Object>> query(String sql, @Nullable Long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (id != null) {
                    ps.setLong(1, id);
                }
                return ResultRows.of(ps);
            }
        });
    }
}
