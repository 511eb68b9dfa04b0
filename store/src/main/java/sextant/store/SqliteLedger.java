package sextant.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import sextant.core.backtest.Metrics;
import sextant.core.backtest.NextBarPlan;
import sextant.core.backtest.StrategyReport;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.cycle.Phase;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.AssetClass;
import sextant.core.key.Keyed;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRecord;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.OwnedPosition;
import sextant.core.order.PlanStatus;
import sextant.core.order.PositionPlan;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.core.order.TrackedOrder;
import sextant.core.port.Ledger;

/** The ledger in SQLite (see {@link Migrations} for the tables). */
public final class SqliteLedger implements Ledger {
    private final Database db;

    public SqliteLedger(Database db) {
        this.db = db;
    }

    @Override
    public long startCycle(Instant startedAt, LocalDate asOf, String broker, String dataSource, String model, int symbols) {
        return db.inTransaction(c -> {
            // A cycle still marked running was cut off (crash, kill, power loss). Its orders were recorded as they
            // were sent and carry intent-derived client ids, so this cycle continues safely; mark the old one.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE cycles SET status='interrupted' WHERE status='running'");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cycles (started_at, as_of, status, broker, data_source,"
                    + " model, symbols) VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, startedAt.toString());
                ps.setString(2, asOf.toString());
                ps.setString(3, "running");
                ps.setString(4, broker);
                ps.setString(5, dataSource);
                ps.setString(6, model);
                ps.setInt(7, symbols);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void recordBacktests(long cycleId, List<SymbolBacktest> backtests) {
        db.runInTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO backtests VALUES"
                    + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (SymbolBacktest bt : backtests) {
                    for (StrategyReport r : bt.reports().values()) {
                        Metrics is = r.inSample();
                        Metrics oos = r.outOfSample();
                        NextBarPlan p = r.plan();
                        int i = 1;
                        ps.setLong(i++, cycleId);
                        ps.setString(i++, bt.instrument().symbol());
                        ps.setString(i++, r.strategy().key());
                        ps.setInt(i++, bt.windowsEvaluated());
                        setReal(ps, i++, is.totalReturn());
                        setReal(ps, i++, is.sharpe());
                        setReal(ps, i++, is.avgDailyReturn());
                        setReal(ps, i++, oos.totalReturn());
                        setReal(ps, i++, oos.sharpe());
                        setReal(ps, i++, oos.sortino());
                        setReal(ps, i++, oos.maxDrawdown());
                        setReal(ps, i++, oos.winRate());
                        setReal(ps, i++, oos.turnover());
                        ps.setInt(i++, oos.trades());
                        setReal(ps, i++, oos.avgDailyReturn());
                        ps.setString(i++, p.side() == null ? null : p.side().wire());
                        setReal(ps, i++, p.entryPrice());
                        setReal(ps, i++, p.takeProfitPrice());
                        ps.setString(i++, p.reason());
                        ps.setString(i, Json.write(r.details()));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO strategy_curves VALUES (?,?,?,?,?)")) {
                for (StrategyCurve curve : StrategyCurve.of(backtests)) {
                    ps.setLong(1, cycleId);
                    ps.setString(2, curve.strategy().key());
                    ps.setInt(3, curve.symbols());
                    ps.setString(4, Json.write(curve.mean()));
                    ps.setString(5, Json.write(curve.se()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    @Override
    public void recordDecisions(long cycleId, List<SymbolDecision> decisions) {
        db.runInTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO decisions VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (SymbolDecision d : decisions) {
                    ps.setLong(1, cycleId);
                    ps.setString(2, d.instrument().symbol());
                    ps.setString(3, d.action().key());
                    ps.setString(4, d.strategy() == null ? null : d.strategy().key());
                    ps.setString(5, d.side() == null ? null : d.side().wire());
                    setReal(ps, 6, d.score());
                    setReal(ps, 7, d.entryPrice());
                    setReal(ps, 8, d.takeProfitPrice());
                    ps.setDouble(9, d.qty());
                    ps.setString(10, d.reason());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    @Override
    public void recordOrder(long cycleId, Order o, OrderOutcome outcome, @Nullable String reason) {
        db.runInTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (order_id, client_order_id, cycle_id, event,"
                    + " symbol, side, qty, type, limit_price, tif, status, filled_qty, filled_avg_price, submitted_at, reason)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, o.id());
                ps.setString(2, o.clientOrderId());
                ps.setLong(3, cycleId);
                ps.setString(4, outcome.key());
                ps.setString(5, o.instrument().symbol());
                ps.setString(6, o.side().wire());
                ps.setDouble(7, o.qty());
                ps.setString(8, o.type().wire());
                setReal(ps, 9, o.limitPrice());
                ps.setString(10, o.timeInForce().wire());
                ps.setString(11, o.status().name().toLowerCase(java.util.Locale.ROOT));
                ps.setDouble(12, o.filledQty());
                setReal(ps, 13, o.filledAvgPrice());
                ps.setString(14, o.submittedAt() == null ? null : o.submittedAt().toString());
                ps.setString(15, reason);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM order_intents WHERE client_order_id = ?")) {
                ps.setString(1, o.clientOrderId());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void recordSending(long cycleId, OrderRequest r, Instant at) {
        db.runInTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO order_intents (client_order_id,"
                    + " cycle_id, symbol, asset_class, side, qty, type, limit_price, tif, take_profit, written_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, r.clientOrderId());
                ps.setLong(2, cycleId);
                ps.setString(3, r.instrument().symbol());
                ps.setString(4, r.instrument().assetClass().name());
                ps.setString(5, r.side().name());
                ps.setDouble(6, r.qty());
                ps.setString(7, r.type().name());
                setFinite(ps, 8, r.limitPrice());
                ps.setString(9, r.timeInForce().name());
                setFinite(ps, 10, r.takeProfitPrice());
                ps.setString(11, at.toString());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public List<OrderRequest> ordersBeingSent() {
        return db.inTransaction(c -> {
            List<OrderRequest> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT symbol, asset_class, side, qty,"
                    + " type, limit_price, tif, client_order_id, take_profit FROM order_intents ORDER BY rowid")) {
                while (rs.next()) {
                    out.add(new OrderRequest(new Instrument(rs.getString(1), AssetClass.valueOf(rs.getString(2))),
                            Side.valueOf(rs.getString(3)), rs.getDouble(4), OrderType.valueOf(rs.getString(5)),
                            finiteOrNaN(rs, 6), TimeInForce.valueOf(rs.getString(7)), rs.getString(8), finiteOrNaN(rs, 9)));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<OrderRecord> lastPlacedOrder(String symbol) {
        return db.inTransaction(c -> {
            // Orders in the order they were first recorded; the newest row of the last one says where it stands.
            try (PreparedStatement ps = c.prepareStatement("SELECT o.client_order_id, o.status, o.qty, o.filled_qty,"
                    + " o.event FROM orders o WHERE o.rowid = (SELECT MAX(x.rowid) FROM orders x WHERE x.order_id ="
                    + " (SELECT f.order_id FROM orders f WHERE f.symbol = ? AND f.order_id <> ? AND f.event <> 'left-alone'"
                    + " GROUP BY f.order_id ORDER BY MIN(f.rowid) DESC LIMIT 1))")) {
                ps.setString(1, symbol);
                ps.setString(2, Order.NOT_SENT_ID);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new OrderRecord(rs.getString(1), symbol,
                            OrderStatus.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)), rs.getDouble(3),
                            rs.getDouble(4), Keyed.parse(OrderOutcome.values(), rs.getString(5), "orders.event")));
                }
            }
        });
    }

    @Override
    public void recordFills(long cycleId, List<Fill> fills) {
        db.runInTransaction(c -> {
            Map<String, OwnedPosition> owned = readOwned(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO fills (cycle_id, order_id, client_order_id, symbol,"
                    + " side, qty, price, fee, at, realized_pnl) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (Fill f : fills) {
                    String sym = f.instrument().symbol();
                    OwnedPosition.Booked b = owned.getOrDefault(sym, OwnedPosition.flat(sym)).book(f.side(), f.qty(),
                            f.price(), f.fee());
                    owned.put(sym, b.position());
                    ps.setLong(1, cycleId);
                    ps.setString(2, f.orderId());
                    ps.setString(3, f.clientOrderId());
                    ps.setString(4, sym);
                    ps.setString(5, f.side().wire());
                    ps.setDouble(6, f.qty());
                    ps.setDouble(7, f.price());
                    ps.setDouble(8, f.fee());
                    ps.setString(9, f.at().toString());
                    ps.setDouble(10, b.lastRealized());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            writeOwned(c, cycleId, owned);
        });
    }

    @Override
    public Map<String, OwnedPosition> ownedPositions() {
        return db.inTransaction(c -> {
            Map<String, OwnedPosition> all = readOwned(c);
            all.values().removeIf(OwnedPosition::isFlat);
            return all;
        });
    }

    @Override
    public void adjustOwnedPosition(long cycleId, String symbol, double qty, String why) {
        db.runInTransaction(c -> {
            Map<String, OwnedPosition> owned = readOwned(c);
            OwnedPosition p = owned.getOrDefault(symbol, OwnedPosition.flat(symbol));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO position_adjustments VALUES (?,?,?,?,?)")) {
                ps.setLong(1, cycleId);
                ps.setString(2, symbol);
                ps.setDouble(3, p.qty());
                ps.setDouble(4, qty);
                ps.setString(5, why);
                ps.executeUpdate();
            }
            owned.put(symbol, new OwnedPosition(symbol, qty, Math.abs(qty) < 1e-9 ? 0 : p.avgPrice(), p.realizedPnl()));
            writeOwned(c, cycleId, owned);
        });
    }

    @Override
    public List<TrackedOrder> trackedOpenOrders() {
        return db.inTransaction(c -> {
            List<TrackedOrder> out = new ArrayList<>();
            // The newest row of each order says its last known status; left-alone rows are not Sextant's orders.
            try (PreparedStatement ps = c.prepareStatement("SELECT o.order_id, o.client_order_id, o.symbol, o.status,"
                    + " (SELECT COALESCE(SUM(f.qty), 0) FROM fills f WHERE f.order_id = o.order_id),"
                    + " (SELECT COALESCE(SUM(f.qty * f.price), 0) FROM fills f WHERE f.order_id = o.order_id)"
                    + " FROM orders o WHERE o.rowid = (SELECT MAX(rowid) FROM orders x WHERE x.order_id = o.order_id)"
                    + " AND o.status IN ('new', 'partially_filled') AND o.event <> 'left-alone' ORDER BY o.rowid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TrackedOrder(rs.getString(1), rs.getString(2), rs.getString(3),
                            OrderStatus.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getDouble(5),
                            rs.getDouble(6)));
                }
            }
            return out;
        });
    }

    @Override
    public TrackedOrder tracked(Order order) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(qty), 0), COALESCE(SUM(qty * price), 0)"
                    + " FROM fills WHERE order_id = ?")) {
                ps.setString(1, order.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new TrackedOrder(order.id(), order.clientOrderId(), order.instrument().symbol(), order.status(),
                            rs.getDouble(1), rs.getDouble(2));
                }
            }
        });
    }

    @Override
    public void recordLeftAlone(long cycleId, String symbol, String what) {
        db.runInTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO left_alone VALUES (?,?,?)")) {
                ps.setLong(1, cycleId);
                ps.setString(2, symbol);
                ps.setString(3, what);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public PositionPlan recordPositionPlan(long cycleId, Instant at, PositionPlan plan) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO position_plans (symbol, asset_class, side, qty,"
                    + " opened_cycle_id, opened_session, strategy, entry_client_order_id, entry_price, take_profit,"
                    + " stop_price, close_at_eod, max_holding_sessions, status, note, updated_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (entry_client_order_id) DO NOTHING")) {
                ps.setString(1, plan.instrument().symbol());
                ps.setString(2, plan.instrument().assetClass().name());
                ps.setString(3, plan.side().name());
                ps.setDouble(4, plan.qty());
                ps.setLong(5, cycleId);
                ps.setLong(6, plan.openedSession().toEpochDay());
                ps.setString(7, plan.strategy());
                ps.setString(8, plan.entryClientOrderId());
                ps.setDouble(9, plan.entryPrice());
                setFinite(ps, 10, plan.takeProfitPrice());
                setFinite(ps, 11, plan.stopPrice());
                ps.setInt(12, plan.closeAtEod() ? 1 : 0);
                ps.setInt(13, plan.maxHoldingSessions());
                ps.setString(14, plan.status().key());
                ps.setString(15, plan.note());
                ps.setString(16, at.toString());
                if (ps.executeUpdate() == 1) {
                    insertPlanEvent(c, planIdOf(c, plan.entryClientOrderId()), at, plan.status(), plan.note());
                }
            }
            return readPlans(c, "entry_client_order_id = ?", plan.entryClientOrderId()).get(0);
        });
    }

    @Override
    public void updatePositionPlan(long planId, PlanStatus status, Instant at, String note) {
        db.runInTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE position_plans SET status = ?, note = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, status.key());
                ps.setString(2, note);
                ps.setString(3, at.toString());
                ps.setLong(4, planId);
                if (ps.executeUpdate() != 1) {
                    throw new StoreException("no position plan with id " + planId + " in " + db.file()
                            + "; the ledger and the caller disagree: run 'sextant state check'", null);
                }
            }
            insertPlanEvent(c, planId, at, status, note);
        });
    }

    @Override
    public List<PositionPlan> activePositionPlans() {
        return db.inTransaction(c -> readPlans(c, "status IN ('pending', 'open')", null));
    }

    private static long planIdOf(java.sql.Connection c, String entryClientOrderId) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM position_plans WHERE entry_client_order_id = ?")) {
            ps.setString(1, entryClientOrderId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertPlanEvent(java.sql.Connection c, long planId, Instant at, PlanStatus status, String note)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO position_plan_events VALUES (?,?,?,?)")) {
            ps.setLong(1, planId);
            ps.setString(2, at.toString());
            ps.setString(3, status.key());
            ps.setString(4, note);
            ps.executeUpdate();
        }
    }

    /** Plans matching {@code where} (with at most one text parameter), oldest first. */
    private static List<PositionPlan> readPlans(java.sql.Connection c, String where, @Nullable String param)
            throws java.sql.SQLException {
        List<PositionPlan> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, symbol, asset_class, side, qty, opened_cycle_id,"
                + " opened_session, strategy, entry_client_order_id, entry_price, take_profit, stop_price, close_at_eod,"
                + " max_holding_sessions, status, note FROM position_plans WHERE " + where + " ORDER BY id")) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PositionPlan(rs.getLong(1),
                            new Instrument(rs.getString(2), AssetClass.valueOf(rs.getString(3))),
                            Side.valueOf(rs.getString(4)), rs.getDouble(5), rs.getLong(6),
                            LocalDate.ofEpochDay(rs.getLong(7)), rs.getString(8), rs.getString(9), rs.getDouble(10),
                            finiteOrNaN(rs, 11), finiteOrNaN(rs, 12), rs.getInt(13) == 1, rs.getInt(14),
                            PlanStatus.fromKey(rs.getString(15)), rs.getString(16)));
                }
            }
        }
        return out;
    }

    private static void setFinite(PreparedStatement ps, int i, double v) throws java.sql.SQLException {
        if (Double.isFinite(v)) {
            ps.setDouble(i, v);
        } else {
            ps.setNull(i, java.sql.Types.REAL);
        }
    }

    private static double finiteOrNaN(ResultSet rs, int i) throws java.sql.SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static Map<String, OwnedPosition> readOwned(java.sql.Connection c) throws java.sql.SQLException {
        Map<String, OwnedPosition> out = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT symbol, qty, avg_price, realized_pnl FROM owned_positions")) {
            while (rs.next()) {
                out.put(rs.getString(1), new OwnedPosition(rs.getString(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4)));
            }
        }
        return out;
    }

    private static void writeOwned(java.sql.Connection c, long cycleId, Map<String, OwnedPosition> owned)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO owned_positions VALUES (?,?,?,?,?)")) {
            for (OwnedPosition p : owned.values()) {
                ps.setString(1, p.symbol());
                ps.setDouble(2, p.isFlat() ? 0 : p.qty());
                ps.setDouble(3, p.avgPrice());
                ps.setDouble(4, p.realizedPnl());
                ps.setLong(5, cycleId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void recordAccount(long cycleId, Instant at, Account a) {
        db.runInTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account_snapshots VALUES (?,?,?,?,?,?)")) {
                ps.setLong(1, cycleId);
                ps.setString(2, at.toString());
                ps.setDouble(3, a.cash());
                ps.setDouble(4, a.equity());
                ps.setDouble(5, a.buyingPower());
                setReal(ps, 6, a.lastEquity());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void finishCycle(long cycleId, Instant finishedAt, String status, PhaseTimings timings, String summary) {
        db.runInTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cycles SET finished_at=?, status=?, total_ms=?, summary=?"
                    + " WHERE id=?")) {
                ps.setString(1, finishedAt.toString());
                ps.setString(2, status);
                ps.setDouble(3, PhaseTimings.millis(timings.totalNanos()));
                ps.setString(4, summary);
                ps.setLong(5, cycleId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO phase_timings VALUES (?,?,?,?)")) {
                for (Map.Entry<Phase, Long> e : timings.asMap().entrySet()) {
                    ps.setLong(1, cycleId);
                    ps.setString(2, e.getKey().label());
                    ps.setDouble(3, PhaseTimings.millis(e.getValue()));
                    String note = timings.note(e.getKey());
                    ps.setString(4, note.isEmpty() ? null : note);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static void setReal(PreparedStatement ps, int i, double v) throws java.sql.SQLException {
        if (Double.isFinite(v)) {
            ps.setDouble(i, v);
        } else {
            ps.setNull(i, java.sql.Types.REAL);
        }
    }

    @Override
    public void close() {
        // The Database is owned by whoever opened it.
    }
}
