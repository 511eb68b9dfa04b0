package sextant.paper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import sextant.core.market.AssetClass;
import sextant.core.market.Instrument;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.Position;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/**
 * The paper account's tables ({@code paper_account}, {@code paper_positions}, {@code paper_orders},
 * {@code paper_fills}) seen through one connection inside one transaction. Only storage lives here; the broker's
 * rules live in {@link PaperBroker}.
 */
final class PaperBook {
    static final int NEVER_SETTLED = Integer.MIN_VALUE;
    private static final String OPEN = "status IN ('NEW','PARTIALLY_FILLED')";

    private final Connection c;

    PaperBook(Connection c) {
        this.c = c;
    }

    /** Creates the account with {@code initialCash}, or returns the cash an existing account was opened with. */
    double createAccountIfMissing(double initialCash) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT initial_cash FROM paper_account")) {
            if (rs.next()) {
                return rs.getDouble(1);
            }
        }
        update("INSERT INTO paper_account (id, cash, last_equity, settled_through, next_order, initial_cash)"
                + " VALUES (1, ?, ?, ?, 1, ?)", initialCash, initialCash, NEVER_SETTLED, initialCash);
        return initialCash;
    }

    double cash() throws SQLException {
        return accountColumn("cash");
    }

    double lastEquity() throws SQLException {
        return accountColumn("last_equity");
    }

    int settledThrough() throws SQLException {
        return (int) accountColumn("settled_through");
    }

    void addCash(double delta) throws SQLException {
        update("UPDATE paper_account SET cash = cash + ?", delta);
    }

    void markSettled(int throughDay, double equityBefore) throws SQLException {
        update("UPDATE paper_account SET settled_through=?, last_equity=?", throughDay, equityBefore);
    }

    /** The account's reference equity for "since the last settlement", without touching the daily mark. */
    void setLastEquity(double equity) throws SQLException {
        update("UPDATE paper_account SET last_equity=?", equity);
    }

    /** How far {@code symbol} is settled intraday, if it ever was. */
    Optional<SessionProgress> progress(String symbol) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT day, point, path FROM paper_progress WHERE symbol=?")) {
            ps.setString(1, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionProgress(LocalDate.ofEpochDay(rs.getInt(1)), rs.getInt(2),
                        Optional.ofNullable(rs.getString(3)).map(PathOrder::valueOf)));
            }
        }
    }

    /**
     * The intraday clock's mark: the furthest (session, point) any symbol was settled through, and how many symbols it
     * has stepped, or empty when no symbol was ever settled intraday (a daily-clock account). A symbol with nothing
     * held or working is not stepped, so the furthest symbol's place is where the clock got to.
     */
    Optional<PaperAccountView.IntradayMark> intradayMark() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT day, point, (SELECT COUNT(*) FROM paper_progress)"
                + " FROM paper_progress ORDER BY day DESC, point DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new PaperAccountView.IntradayMark(LocalDate.ofEpochDay(rs.getInt(1)),
                    SessionPath.pointName(rs.getInt(2)), rs.getInt(3)));
        }
    }

    void putProgress(String symbol, SessionProgress p) throws SQLException {
        update("INSERT OR REPLACE INTO paper_progress VALUES (?,?,?,?)", symbol, (int) p.day().toEpochDay(), p.point(),
                p.order().map(PathOrder::name).orElse(null));
    }

    /** When the order last filled, if it did. */
    Optional<Instant> lastFillAt(String orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT at FROM paper_fills WHERE order_id=? ORDER BY seq DESC"
                + " LIMIT 1")) {
            ps.setString(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** The next order number (and reserves it). */
    long nextOrderNumber() throws SQLException {
        long next = (long) accountColumn("next_order");
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE paper_account SET next_order = next_order + 1");
        }
        return next;
    }

    double equity() throws SQLException {
        double equity = cash();
        for (Position p : positions()) {
            equity += p.marketValue();
        }
        return equity;
    }

    private double accountColumn(String column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + column + " FROM paper_account WHERE id=1")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    List<Position> positions() throws SQLException {
        List<Position> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT symbol, asset_class, qty, avg_price,"
                + " last_price FROM paper_positions ORDER BY symbol")) {
            while (rs.next()) {
                out.add(new Position(instrument(rs.getString(1), rs.getString(2)), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5)));
            }
        }
        return out;
    }

    Optional<Position> position(String symbol) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT symbol, asset_class, qty, avg_price, last_price"
                + " FROM paper_positions WHERE symbol=?")) {
            ps.setString(1, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Position(instrument(rs.getString(1), rs.getString(2)), rs.getDouble(3),
                        rs.getDouble(4), rs.getDouble(5))) : Optional.empty();
            }
        }
    }

    /** Stores a position; a zero quantity removes it. */
    void putPosition(Instrument instrument, double qty, double avgPrice, double lastPrice) throws SQLException {
        if (qty == 0) {
            update("DELETE FROM paper_positions WHERE symbol=?", instrument.symbol());
            return;
        }
        update("INSERT OR REPLACE INTO paper_positions VALUES (?,?,?,?,?)", instrument.symbol(),
                instrument.assetClass().name(), qty, avgPrice, lastPrice);
    }

    void markPrice(String symbol, double price) throws SQLException {
        update("UPDATE paper_positions SET last_price=? WHERE symbol=?", price, symbol);
    }

    List<Order> openOrders() throws SQLException {
        return orders("WHERE " + OPEN + " ORDER BY submitted_at, id", null);
    }

    Optional<Order> orderByClientId(String clientOrderId) throws SQLException {
        return orders("WHERE client_order_id=?", clientOrderId).stream().findFirst();
    }

    boolean isOpen(String orderId) throws SQLException {
        return !orders("WHERE id=? AND " + OPEN, orderId).isEmpty();
    }

    /** Day index from which each open order may fill (what the daily settlement reads). */
    int eligibleFrom(String orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT eligible_from FROM paper_orders WHERE id=?")) {
            ps.setString(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    void insertOrder(Order o, int eligibleFromDay) throws SQLException {
        update("INSERT INTO paper_orders VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", o.id(), o.clientOrderId(),
                o.instrument().symbol(), o.instrument().assetClass().name(), o.side().name(), o.qty(), o.type().name(),
                realOrNull(o.limitPrice()), o.timeInForce().name(), o.status().name(), 0.0, null,
                sentAt(o).toString(), eligibleFromDay);
    }

    void setStatus(String orderId, OrderStatus status, double filledQty, double avgPrice) throws SQLException {
        update("UPDATE paper_orders SET status=?, filled_qty=?, filled_avg_price=? WHERE id=?", status.name(), filledQty,
                realOrNull(avgPrice), orderId);
    }

    /** Marks an open order's cancel as requested; {@link #completePendingCancels} carries it out. */
    void requestCancel(String orderId) throws SQLException {
        if (!isOpen(orderId)) {
            return;
        }
        update("INSERT OR IGNORE INTO paper_pending_cancels VALUES (?)", orderId);
    }

    /** Cancels every order whose cancel was requested and that is still open (what filled meanwhile stays filled). */
    void completePendingCancels() throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE paper_orders SET status='CANCELED' WHERE id IN (SELECT order_id FROM paper_pending_cancels)"
                    + " AND " + OPEN);
            s.executeUpdate("DELETE FROM paper_pending_cancels");
        }
    }

    /** Cancels the order if it is still open. */
    void cancel(String orderId) throws SQLException {
        update("UPDATE paper_orders SET status='CANCELED' WHERE id=? AND " + OPEN, orderId);
    }

    void insertFill(Fill f) throws SQLException {
        update("INSERT INTO paper_fills (order_id, client_order_id, symbol, side, qty, price, fee, at)"
                + " VALUES (?,?,?,?,?,?,?,?)", f.orderId(), f.clientOrderId(), f.instrument().symbol(), f.side().name(),
                f.qty(), f.price(), f.fee(), f.at().toString());
    }

    /**
     * Day trades since {@code fromDay} (inclusive): stock symbols with fills on both sides in one session, counted once
     * per symbol and session, as FINRA's pattern-day-trader rule counts them. Crypto is not subject to the rule.
     */
    int dayTradesSince(LocalDate fromDay) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT f.symbol, substr(f.at, 1, 10) AS d"
                + " FROM paper_fills f JOIN paper_orders o ON o.id = f.order_id WHERE o.asset_class = 'STOCK'"
                + " AND substr(f.at, 1, 10) >= ? GROUP BY f.symbol, d HAVING COUNT(DISTINCT f.side) = 2)")) {
            ps.setString(1, fromDay.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Fills not yet handed out, oldest first; marks them handed out. */
    List<Fill> takeUnreportedFills() throws SQLException {
        List<Fill> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT f.order_id, f.client_order_id,"
                + " f.symbol, o.asset_class, f.side, f.qty, f.price, f.fee, f.at FROM paper_fills f"
                + " JOIN paper_orders o ON o.id = f.order_id WHERE f.reported = 0 ORDER BY f.seq")) {
            while (rs.next()) {
                out.add(new Fill(rs.getString(1), rs.getString(2), instrument(rs.getString(3), rs.getString(4)),
                        Side.valueOf(rs.getString(5)), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
                        Instant.parse(rs.getString(9))));
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE paper_fills SET reported = 1 WHERE reported = 0");
        }
        return out;
    }

    private List<Order> orders(String where, @Nullable String param) throws SQLException {
        List<Order> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, client_order_id, symbol, asset_class, side, qty, type,"
                + " limit_price, tif, status, filled_qty, filled_avg_price, submitted_at FROM paper_orders " + where)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Order(rs.getString(1), rs.getString(2), instrument(rs.getString(3), rs.getString(4)),
                            Side.valueOf(rs.getString(5)), rs.getDouble(6), OrderType.valueOf(rs.getString(7)),
                            real(rs, 8), TimeInForce.valueOf(rs.getString(9)), OrderStatus.valueOf(rs.getString(10)),
                            rs.getDouble(11), real(rs, 12), Instant.parse(rs.getString(13))));
                }
            }
        }
        return out;
    }

    private static Instrument instrument(String symbol, String assetClass) {
        return new Instrument(symbol, AssetClass.valueOf(assetClass));
    }

    private static double real(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    /**
     * Runs one INSERT, UPDATE or DELETE with {@code params} bound in order: a Double, Integer or String as itself
     * (the driver's setObject picks setDouble, setInt or setString), a null as SQL NULL.
     */
    private void update(String sql, @Nullable Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            ps.executeUpdate();
        }
    }

    /** When the paper broker took the order: it stamps every order it takes, and the book stores only those. */
    static Instant sentAt(Order o) {
        return Objects.requireNonNull(o.submittedAt(), "the paper broker stamps every order it takes");
    }

    /** A price column's value: a missing price (NaN) is stored as NULL, which {@link #real} reads back as NaN. */
    private static @Nullable Double realOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
