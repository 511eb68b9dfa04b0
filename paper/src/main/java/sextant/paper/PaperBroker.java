package sextant.paper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import sextant.core.market.AssetClass;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Fill;
import sextant.core.order.LimitFillRule;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.Position;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.core.port.Broker;
import sextant.core.port.BrokerException;
import sextant.core.port.MarketData;
import sextant.store.Database;

/**
 * A local paper broker whose account, positions and orders persist in SQLite across runs.
 *
 * <p>Fill model (documented, conservative, the same rule the strategy kernel uses, see {@link LimitFillRule}):
 * an order submitted on cycle date D can first fill on the first bar dated D or later. A buy limit fills only if
 * that bar's low is strictly below the limit, at min(limit, open) (a gap down through the limit fills at the
 * open); a sell limit mirrors this with the high. A market order fills at the open. A DAY order that did not fill
 * on its first eligible bar expires; a GTC order stays until filled or cancelled. Orders fill whole. Fees are a
 * fraction of notional, per side, from {@link PaperConfig}.
 *
 * <p>Before answering any question, the broker settles every closed bar up to the day before the cycle date,
 * so fills that happened between runs are applied exactly once.
 */
public final class PaperBroker implements Broker {
    private final Database db;
    private final MarketData data;
    private final Supplier<LocalDate> cycleDate;
    private final PaperConfig config;

    private PaperBroker(Database db, MarketData data, Supplier<LocalDate> cycleDate, PaperConfig config) {
        this.db = db;
        this.data = data;
        this.cycleDate = cycleDate;
        this.config = config;
    }

    /** Opens the paper account in {@code db}, creating it with {@code config.initialCash()} on first use. */
    public static PaperBroker open(Database db, MarketData data, Supplier<LocalDate> cycleDate, PaperConfig config) {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM paper_account")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO paper_account VALUES (1, ?, ?, ?, 1)")) {
                        ps.setDouble(1, config.initialCash());
                        ps.setDouble(2, config.initialCash());
                        ps.setInt(3, Integer.MIN_VALUE);
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
        return new PaperBroker(db, data, cycleDate, config);
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public Account account() {
        settle();
        return db.inTransaction(c -> {
            double cash;
            double lastEquity;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT cash, last_equity FROM paper_account WHERE id=1")) {
                rs.next();
                cash = rs.getDouble(1);
                lastEquity = rs.getDouble(2);
            }
            double value = 0;
            double gross = 0;
            for (Position p : readPositions(c)) {
                value += p.marketValue();
                gross += Math.abs(p.marketValue());
            }
            double equity = cash + value;
            double buyingPower = Math.max(0, equity * config.maxLeverage() - gross);
            return new Account(cash, equity, buyingPower, lastEquity);
        });
    }

    @Override
    public List<Position> positions() {
        settle();
        return db.inTransaction(PaperBroker::readPositions);
    }

    @Override
    public List<Order> openOrders() {
        settle();
        return db.inTransaction(c -> readOrders(c, "WHERE status IN ('NEW','PARTIALLY_FILLED') ORDER BY submitted_at, id"));
    }

    @Override
    public Order submit(OrderRequest r) {
        settle();
        return db.inTransaction(c -> {
            List<Order> existing = readOrders(c, "WHERE client_order_id='" + r.clientOrderId().replace("'", "''") + "'");
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
            if (r.type() == OrderType.STOP_LIMIT) {
                throw new BrokerException(r.instrument() + ": the paper broker does not simulate stop-limit orders");
            }
            if (r.instrument().isCrypto() && r.side() == Side.SELL) {
                double held = positionQty(c, r.instrument().symbol());
                if (r.qty() > held + 1e-12) {
                    throw new BrokerException(r.instrument() + ": crypto cannot be sold short (selling " + r.qty()
                            + ", holding " + held + ")");
                }
            }
            checkBuyingPower(c, r);
            long next;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT next_order FROM paper_account")) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE paper_account SET next_order = next_order + 1");
            }
            LocalDate day = cycleDate.get();
            Instant now = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            Order o = new Order("paper-" + next, r.clientOrderId(), r.instrument(), r.side(), r.qty(), r.type(),
                    r.limitPrice(), r.timeInForce(), OrderStatus.NEW, 0, Double.NaN, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO paper_orders VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, o.id());
                ps.setString(2, o.clientOrderId());
                ps.setString(3, o.instrument().symbol());
                ps.setString(4, o.instrument().assetClass().name());
                ps.setString(5, o.side().name());
                ps.setDouble(6, o.qty());
                ps.setString(7, o.type().name());
                if (Double.isFinite(o.limitPrice())) {
                    ps.setDouble(8, o.limitPrice());
                } else {
                    ps.setNull(8, java.sql.Types.REAL);
                }
                ps.setString(9, o.timeInForce().name());
                ps.setString(10, o.status().name());
                ps.setDouble(11, 0);
                ps.setNull(12, java.sql.Types.REAL);
                ps.setString(13, now.toString());
                ps.setInt(14, (int) day.toEpochDay());
                ps.executeUpdate();
            }
            return o;
        });
    }

    @Override
    public Optional<Order> findByClientOrderId(String clientOrderId) {
        settle();
        return db.inTransaction(c -> readOrders(c, "WHERE client_order_id='" + clientOrderId.replace("'", "''") + "'"))
                .stream().findFirst();
    }

    @Override
    public void cancel(String orderId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE paper_orders SET status='CANCELED' WHERE id=?"
                    + " AND status IN ('NEW','PARTIALLY_FILLED')")) {
                ps.setString(1, orderId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Fill> takeNewFills() {
        settle();
        return db.inTransaction(c -> {
            List<Fill> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT f.order_id, f.client_order_id,"
                    + " f.symbol, o.asset_class, f.side, f.qty, f.price, f.fee, f.at FROM paper_fills f"
                    + " JOIN paper_orders o ON o.id = f.order_id WHERE f.reported = 0 ORDER BY f.seq")) {
                while (rs.next()) {
                    out.add(new Fill(rs.getString(1), rs.getString(2),
                            new Instrument(rs.getString(3), AssetClass.valueOf(rs.getString(4))),
                            Side.valueOf(rs.getString(5)), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
                            Instant.parse(rs.getString(9))));
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE paper_fills SET reported = 1 WHERE reported = 0");
            }
            return out;
        });
    }

    /**
     * Like a real broker, an order that opens or adds exposure must fit in buying power net of what open orders
     * already reserve; an order that only reduces a position is always accepted.
     */
    private void checkBuyingPower(Connection c, OrderRequest r) throws SQLException {
        double held = positionQty(c, r.instrument().symbol());
        double signed = r.side().sign() * r.qty();
        if (held != 0 && Math.signum(held) != Math.signum(signed) && Math.abs(signed) <= Math.abs(held) + 1e-12) {
            return;
        }
        double price = Double.isFinite(r.limitPrice()) ? r.limitPrice() : lastPrice(c, r.instrument());
        double reserved = 0;
        for (Order o : readOrders(c, "WHERE status IN ('NEW','PARTIALLY_FILLED')")) {
            double p = Double.isFinite(o.limitPrice()) ? o.limitPrice() : lastPrice(c, o.instrument());
            reserved += o.qty() * p;
        }
        double cash;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT cash FROM paper_account WHERE id=1")) {
            rs.next();
            cash = rs.getDouble(1);
        }
        double gross = 0;
        double value = 0;
        for (Position p : readPositions(c)) {
            gross += Math.abs(p.marketValue());
            value += p.marketValue();
        }
        double available = Math.max(0, (cash + value) * config.maxLeverage() - gross) - reserved;
        if (r.qty() * price > available + 1e-9) {
            throw new BrokerException(String.format(Locale.ROOT, "%s: insufficient buying power: order needs %.2f,"
                    + " %.2f available after open orders", r.instrument(), r.qty() * price, Math.max(0, available)));
        }
    }

    private double lastPrice(Connection c, Instrument instrument) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_price FROM paper_positions WHERE symbol=?")) {
            ps.setString(1, instrument.symbol());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getDouble(1);
                }
            }
        }
        LocalDate through = cycleDate.get().minusDays(1);
        BarSeries bars = data.dailyBars(instrument, through.minusDays(10), through);
        if (bars.isEmpty()) {
            throw new BrokerException(instrument + ": no recent bar to price a market order");
        }
        return bars.close()[bars.size() - 1];
    }

    /** Applies every closed bar up to the day before the cycle date to open orders and position prices. */
    void settle() {
        LocalDate through = cycleDate.get().minusDays(1);
        int throughDay = (int) through.toEpochDay();
        db.inTransaction(c -> {
            int settled;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT settled_through FROM paper_account WHERE id=1")) {
                rs.next();
                settled = rs.getInt(1);
            }
            if (settled >= throughDay) {
                return null;
            }
            List<Order> open = readOrders(c, "WHERE status IN ('NEW','PARTIALLY_FILLED') ORDER BY submitted_at, id");
            Map<String, Instrument> symbols = new HashMap<>();
            for (Order o : open) {
                symbols.put(o.instrument().symbol(), o.instrument());
            }
            for (Position p : readPositions(c)) {
                symbols.put(p.instrument().symbol(), p.instrument());
            }
            Map<String, Integer> eligibleFrom = eligibleFrom(c);
            double equityBefore = equity(c);
            for (Instrument inst : symbols.values()) {
                LocalDate from = settled == Integer.MIN_VALUE ? through.minusDays(10) : LocalDate.ofEpochDay(settled + 1L);
                for (Order o : open) {
                    if (o.instrument().equals(inst)) {
                        LocalDate eligible = LocalDate.ofEpochDay(eligibleFrom.get(o.id()));
                        if (eligible.isBefore(from)) {
                            from = eligible;
                        }
                    }
                }
                if (from.isAfter(through)) {
                    continue;
                }
                BarSeries bars = data.dailyBars(inst, from, through);
                for (int i = 0; i < bars.size(); i++) {
                    for (Order o : open) {
                        if (!o.instrument().equals(inst) || !isOpen(c, o.id())) {
                            continue;
                        }
                        int eligible = eligibleFrom.get(o.id());
                        if (bars.epochDays()[i] < eligible) {
                            continue;
                        }
                        applyBar(c, o, bars, i, eligible);
                    }
                    if (i == bars.size() - 1) {
                        markPrice(c, inst.symbol(), bars.close()[i]);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE paper_account SET settled_through=?, last_equity=?")) {
                ps.setInt(1, throughDay);
                ps.setDouble(2, equityBefore);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void applyBar(Connection c, Order o, BarSeries bars, int i, int eligibleDay) throws SQLException {
        boolean filled;
        double price;
        if (o.type() == OrderType.MARKET) {
            filled = true;
            price = bars.open()[i];
        } else {
            filled = LimitFillRule.fills(o.side(), o.limitPrice(), bars.low()[i], bars.high()[i]);
            price = LimitFillRule.price(o.side(), o.limitPrice(), bars.open()[i]);
        }
        if (filled) {
            fill(c, o, price, bars.date(i));
        } else if (o.timeInForce() != TimeInForce.GTC && bars.epochDays()[i] >= eligibleDay) {
            // DAY and IOC orders live for their first eligible session only.
            setStatus(c, o.id(), OrderStatus.EXPIRED, 0, Double.NaN);
        }
    }

    private void fill(Connection c, Order o, double price, LocalDate day) throws SQLException {
        double fee = o.qty() * price * (o.instrument().isCrypto() ? config.cryptoFeeRate() : config.stockFeeRate());
        double signed = o.side().sign() * o.qty();
        try (PreparedStatement ps = c.prepareStatement("UPDATE paper_account SET cash = cash - ?")) {
            ps.setDouble(1, signed * price + fee);
            ps.executeUpdate();
        }
        double oldQty = positionQty(c, o.instrument().symbol());
        double oldAvg = positionAvg(c, o.instrument().symbol());
        double newQty = oldQty + signed;
        double newAvg;
        if (Math.abs(newQty) < 1e-12) {
            newQty = 0;
            newAvg = 0;
        } else if (oldQty == 0 || Math.signum(oldQty) != Math.signum(newQty)) {
            newAvg = price;
        } else if (Math.abs(newQty) > Math.abs(oldQty)) {
            newAvg = (oldQty * oldAvg + signed * price) / newQty;
        } else {
            newAvg = oldAvg;
        }
        if (newQty == 0) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM paper_positions WHERE symbol=?")) {
                ps.setString(1, o.instrument().symbol());
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO paper_positions VALUES (?,?,?,?,?)")) {
                ps.setString(1, o.instrument().symbol());
                ps.setString(2, o.instrument().assetClass().name());
                ps.setDouble(3, newQty);
                ps.setDouble(4, newAvg);
                ps.setDouble(5, price);
                ps.executeUpdate();
            }
        }
        setStatus(c, o.id(), OrderStatus.FILLED, o.qty(), price);
        Instant at = day.atTime(20, 0).toInstant(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO paper_fills (order_id, client_order_id, symbol, side,"
                + " qty, price, fee, at) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, o.id());
            ps.setString(2, o.clientOrderId());
            ps.setString(3, o.instrument().symbol());
            ps.setString(4, o.side().name());
            ps.setDouble(5, o.qty());
            ps.setDouble(6, price);
            ps.setDouble(7, fee);
            ps.setString(8, at.toString());
            ps.executeUpdate();
        }
    }

    private static void markPrice(Connection c, String symbol, double price) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE paper_positions SET last_price=? WHERE symbol=?")) {
            ps.setDouble(1, price);
            ps.setString(2, symbol);
            ps.executeUpdate();
        }
    }

    private static void setStatus(Connection c, String id, OrderStatus status, double filledQty, double avg)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE paper_orders SET status=?, filled_qty=?, filled_avg_price=?"
                + " WHERE id=?")) {
            ps.setString(1, status.name());
            ps.setDouble(2, filledQty);
            if (Double.isFinite(avg)) {
                ps.setDouble(3, avg);
            } else {
                ps.setNull(3, java.sql.Types.REAL);
            }
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    private static boolean isOpen(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM paper_orders WHERE id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && OrderStatus.valueOf(rs.getString(1)).isOpen();
            }
        }
    }

    private static Map<String, Integer> eligibleFrom(Connection c) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, eligible_from FROM paper_orders"
                + " WHERE status IN ('NEW','PARTIALLY_FILLED')")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    private static double equity(Connection c) throws SQLException {
        double cash;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT cash FROM paper_account WHERE id=1")) {
            rs.next();
            cash = rs.getDouble(1);
        }
        for (Position p : readPositions(c)) {
            cash += p.marketValue();
        }
        return cash;
    }

    private static double positionQty(Connection c, String symbol) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT qty FROM paper_positions WHERE symbol=?")) {
            ps.setString(1, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : 0;
            }
        }
    }

    private static double positionAvg(Connection c, String symbol) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT avg_price FROM paper_positions WHERE symbol=?")) {
            ps.setString(1, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : 0;
            }
        }
    }

    private static List<Position> readPositions(Connection c) throws SQLException {
        List<Position> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT symbol, asset_class, qty, avg_price,"
                + " last_price FROM paper_positions ORDER BY symbol")) {
            while (rs.next()) {
                out.add(new Position(new Instrument(rs.getString(1), AssetClass.valueOf(rs.getString(2))), rs.getDouble(3),
                        rs.getDouble(4), rs.getDouble(5)));
            }
        }
        return out;
    }

    private static List<Order> readOrders(Connection c, String where) throws SQLException {
        List<Order> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, client_order_id, symbol,"
                + " asset_class, side, qty, type, limit_price, tif, status, filled_qty, filled_avg_price, submitted_at"
                + " FROM paper_orders " + where)) {
            while (rs.next()) {
                double limit = rs.getDouble(8);
                if (rs.wasNull()) {
                    limit = Double.NaN;
                }
                double avg = rs.getDouble(12);
                if (rs.wasNull()) {
                    avg = Double.NaN;
                }
                out.add(new Order(rs.getString(1), rs.getString(2),
                        new Instrument(rs.getString(3), AssetClass.valueOf(rs.getString(4))),
                        Side.valueOf(rs.getString(5)), rs.getDouble(6), OrderType.valueOf(rs.getString(7)), limit,
                        TimeInForce.valueOf(rs.getString(9)), OrderStatus.valueOf(rs.getString(10)), rs.getDouble(11), avg,
                        Instant.parse(rs.getString(13))));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "PaperBroker[" + db.file() + ", fees " + String.format(Locale.ROOT, "%.4f/%.4f", config.stockFeeRate(),
                config.cryptoFeeRate()) + "]";
    }
}
