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
import java.util.Optional;
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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO paper_account (id, cash, last_equity, settled_through,"
                + " next_order, initial_cash) VALUES (1, ?, ?, ?, 1, ?)")) {
            ps.setDouble(1, initialCash);
            ps.setDouble(2, initialCash);
            ps.setInt(3, NEVER_SETTLED);
            ps.setDouble(4, initialCash);
            ps.executeUpdate();
        }
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
        try (PreparedStatement ps = c.prepareStatement("UPDATE paper_account SET cash = cash + ?")) {
            ps.setDouble(1, delta);
            ps.executeUpdate();
        }
    }

    void markSettled(int throughDay, double equityBefore) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE paper_account SET settled_through=?, last_equity=?")) {
            ps.setInt(1, throughDay);
            ps.setDouble(2, equityBefore);
            ps.executeUpdate();
        }
    }

    /** The account's reference equity for "since the last settlement", without touching the daily mark. */
    void setLastEquity(double equity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE paper_account SET last_equity=?")) {
            ps.setDouble(1, equity);
            ps.executeUpdate();
        }
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

    void putProgress(String symbol, SessionProgress p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO paper_progress VALUES (?,?,?,?)")) {
            ps.setString(1, symbol);
            ps.setInt(2, (int) p.day().toEpochDay());
            ps.setInt(3, p.point());
            ps.setString(4, p.order().map(PathOrder::name).orElse(null));
            ps.executeUpdate();
        }
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
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM paper_positions WHERE symbol=?")) {
                ps.setString(1, instrument.symbol());
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO paper_positions VALUES (?,?,?,?,?)")) {
            ps.setString(1, instrument.symbol());
            ps.setString(2, instrument.assetClass().name());
            ps.setDouble(3, qty);
            ps.setDouble(4, avgPrice);
            ps.setDouble(5, lastPrice);
            ps.executeUpdate();
        }
    }

    void markPrice(String symbol, double price) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE paper_positions SET last_price=? WHERE symbol=?")) {
            ps.setDouble(1, price);
            ps.setString(2, symbol);
            ps.executeUpdate();
        }
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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO paper_orders VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, o.id());
            ps.setString(2, o.clientOrderId());
            ps.setString(3, o.instrument().symbol());
            ps.setString(4, o.instrument().assetClass().name());
            ps.setString(5, o.side().name());
            ps.setDouble(6, o.qty());
            ps.setString(7, o.type().name());
            setReal(ps, 8, o.limitPrice());
            ps.setString(9, o.timeInForce().name());
            ps.setString(10, o.status().name());
            ps.setDouble(11, 0);
            ps.setNull(12, Types.REAL);
            ps.setString(13, o.submittedAt().toString());
            ps.setInt(14, eligibleFromDay);
            ps.executeUpdate();
        }
    }

    void setStatus(String orderId, OrderStatus status, double filledQty, double avgPrice) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE paper_orders SET status=?, filled_qty=?, filled_avg_price=?"
                + " WHERE id=?")) {
            ps.setString(1, status.name());
            ps.setDouble(2, filledQty);
            setReal(ps, 3, avgPrice);
            ps.setString(4, orderId);
            ps.executeUpdate();
        }
    }

    /** Marks an open order's cancel as requested; {@link #completePendingCancels} carries it out. */
    void requestCancel(String orderId) throws SQLException {
        if (!isOpen(orderId)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO paper_pending_cancels VALUES (?)")) {
            ps.setString(1, orderId);
            ps.executeUpdate();
        }
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
        try (PreparedStatement ps = c.prepareStatement("UPDATE paper_orders SET status='CANCELED' WHERE id=? AND " + OPEN)) {
            ps.setString(1, orderId);
            ps.executeUpdate();
        }
    }

    void insertFill(Fill f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO paper_fills (order_id, client_order_id, symbol, side,"
                + " qty, price, fee, at) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, f.orderId());
            ps.setString(2, f.clientOrderId());
            ps.setString(3, f.instrument().symbol());
            ps.setString(4, f.side().name());
            ps.setDouble(5, f.qty());
            ps.setDouble(6, f.price());
            ps.setDouble(7, f.fee());
            ps.setString(8, f.at().toString());
            ps.executeUpdate();
        }
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

    private List<Order> orders(String where, String param) throws SQLException {
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

    private static void setReal(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isFinite(v)) {
            ps.setDouble(i, v);
        } else {
            ps.setNull(i, Types.REAL);
        }
    }
}
