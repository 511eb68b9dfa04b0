package sextant.paper;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * A local paper broker whose account, positions and orders persist in SQLite across runs (see {@link PaperBook}).
 *
 * <p>Fill model (documented, conservative, the same rule the strategy kernel uses, see {@link LimitFillRule}):
 * an order submitted on cycle date D can first fill on the first bar dated D or later. A buy limit fills only if
 * that bar's low is strictly below the limit, at min(limit, open) (a gap down through the limit fills at the
 * open); a sell limit mirrors this with the high. A market order fills at the open. A DAY (or IOC) order that did
 * not fill on its first eligible bar expires; a GTC order stays until filled or cancelled. Orders fill whole. Fees
 * are a fraction of notional, per side, from {@link PaperConfig}.
 *
 * <p>Before answering any question, the broker settles every closed bar up to the day before the cycle date, so
 * fills that happened between runs are applied exactly once. A cycle dated before what the account has already
 * settled is refused: it would trade on bars that are, for it, the future.
 */
public final class PaperBroker implements Broker {
    private static final Logger LOG = LoggerFactory.getLogger(PaperBroker.class);
    private final Database db;
    private final MarketData data;
    private final Supplier<LocalDate> cycleDate;
    private final PaperConfig config;
    /** The through-day of the last settlement pass this process completed (bars do not change within a cycle). */
    private volatile int settledPassFor = Integer.MIN_VALUE;

    private PaperBroker(Database db, MarketData data, Supplier<LocalDate> cycleDate, PaperConfig config) {
        this.db = db;
        this.data = data;
        this.cycleDate = cycleDate;
        this.config = config;
    }

    /** Opens the paper account in {@code db}, creating it with {@code config.initialCash()} on first use. */
    public static PaperBroker open(Database db, MarketData data, Supplier<LocalDate> cycleDate, PaperConfig config) {
        double openedWith = db.inTransaction(c -> new PaperBook(c).createAccountIfMissing(config.initialCash()));
        if (Math.abs(openedWith - config.initialCash()) > 1e-6 * Math.max(1, Math.abs(openedWith))) {
            // The setting only shapes a new account; applying it to this one would rewrite its history.
            throw new BrokerException(String.format(Locale.ROOT, "paper.initial-cash is %.2f, but the paper account in"
                    + " %s was opened with %.2f; the setting applies only to a new account. Set it back to %.2f, or"
                    + " start a new account deliberately with another --state-dir or 'sextant state reset --yes'",
                    config.initialCash(), db.file(), openedWith, openedWith));
        }
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
            PaperBook book = new PaperBook(c);
            return new Account(book.cash(), book.equity(), buyingPower(book), book.lastEquity());
        });
    }

    @Override
    public List<Position> positions() {
        settle();
        return db.inTransaction(c -> new PaperBook(c).positions());
    }

    @Override
    public List<Order> openOrders() {
        settle();
        return db.inTransaction(c -> new PaperBook(c).openOrders());
    }

    @Override
    public Order submit(OrderRequest r) {
        settle();
        return db.inTransaction(c -> {
            PaperBook book = new PaperBook(c);
            Optional<Order> existing = book.orderByClientId(r.clientOrderId());
            if (existing.isPresent()) {
                return existing.get();
            }
            if (r.type() == OrderType.STOP_LIMIT) {
                throw new BrokerException(r.instrument() + ": the paper broker does not simulate stop-limit orders");
            }
            double held = book.position(r.instrument().symbol()).map(Position::qty).orElse(0.0);
            if (r.instrument().isCrypto() && r.side() == Side.SELL && r.qty() > held + 1e-12) {
                throw new BrokerException(r.instrument() + ": crypto cannot be sold short (selling " + r.qty()
                        + ", holding " + held + ")");
            }
            LocalDate day = cycleDate.get();
            PaperRules.check(book.openOrders(), r, held, config, book.dayTradesSince(PaperRules.pdtWindowStart(day)),
                    book.equity());
            checkBuyingPower(book, r, held);
            Instant now = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            Order o = new Order("paper-" + book.nextOrderNumber(), r.clientOrderId(), r.instrument(), r.side(), r.qty(),
                    r.type(), r.limitPrice(), r.timeInForce(), OrderStatus.NEW, 0, Double.NaN, now);
            book.insertOrder(o, (int) day.toEpochDay());
            return o;
        });
    }

    @Override
    public Optional<Order> findByClientOrderId(String clientOrderId) {
        settle();
        return db.inTransaction(c -> new PaperBook(c).orderByClientId(clientOrderId));
    }

    @Override
    public void cancel(String orderId) {
        db.inTransaction(c -> {
            if (config.pendingCancels()) {
                new PaperBook(c).requestCancel(orderId);
            } else {
                new PaperBook(c).cancel(orderId);
            }
            return null;
        });
    }

    /** Orders fill only when the next session's bar settles, so a close is never found filled in its own cycle. */
    @Override
    public boolean reportsFillsAtOnce() {
        return false;
    }

    @Override
    public List<Fill> takeNewFills() {
        settle();
        return db.inTransaction(c -> new PaperBook(c).takeUnreportedFills());
    }

    /**
     * Like a real broker, an order that opens or adds exposure must fit in buying power net of what open orders
     * already reserve; an order that only reduces a position is always accepted.
     */
    private void checkBuyingPower(PaperBook book, OrderRequest r, double held) throws SQLException {
        double signed = r.side().sign() * r.qty();
        if (held != 0 && Math.signum(held) != Math.signum(signed) && Math.abs(signed) <= Math.abs(held) + 1e-12) {
            return;
        }
        double reserved = 0;
        for (Order o : book.openOrders()) {
            double positionQty = book.position(o.instrument().symbol()).map(Position::qty).orElse(0.0);
            if (positionQty == 0 || Math.signum(positionQty) == o.side().sign()) {
                // Only orders that would add exposure hold buying power; exits and closes free it.
                reserved += o.qty() * referencePrice(book, o.instrument(), o.limitPrice());
            }
        }
        double available = buyingPower(book) - reserved;
        double needed = r.qty() * referencePrice(book, r.instrument(), r.limitPrice());
        if (needed > available + 1e-9) {
            throw new BrokerException(String.format(Locale.ROOT, "%s: insufficient buying power: order needs %.2f,"
                    + " %.2f available after open orders", r.instrument(), needed, Math.max(0, available)));
        }
    }

    /** Equity times the allowed leverage, less the gross exposure already held (never negative). */
    private double buyingPower(PaperBook book) throws SQLException {
        double gross = 0;
        for (Position p : book.positions()) {
            gross += Math.abs(p.marketValue());
        }
        return Math.max(0, book.equity() * config.maxLeverage() - gross);
    }

    /** The limit price, or for a market order the last known price. */
    private double referencePrice(PaperBook book, Instrument instrument, double limit) throws SQLException {
        if (Double.isFinite(limit)) {
            return limit;
        }
        Optional<Position> p = book.position(instrument.symbol());
        if (p.isPresent()) {
            return p.get().marketPrice();
        }
        LocalDate through = cycleDate.get().minusDays(1);
        BarSeries bars = data.dailyBars(instrument, through.minusDays(10), through);
        if (bars.isEmpty()) {
            throw new BrokerException(instrument + ": no recent bar to price a market order");
        }
        return bars.close()[bars.size() - 1];
    }

    /**
     * Applies every closed bar up to the day before the cycle date to open orders and position prices.
     *
     * <p>The account is marked settled only through the newest bar it actually applied for every symbol it holds or
     * has orders in, never through the calendar date: a typo'd future or a stale {@code --as-of}, or a source that
     * has not published yet, must not mark days as settled that no bar has been seen for (that would refuse every
     * later real cycle). Applying a bar twice changes nothing (an order that did not fill on it still does not, and
     * one that filled is no longer open), so a symbol that lags only makes the next settlement re-read a few bars.
     *
     * <p>A symbol whose bars cannot be read is skipped and logged, and the mark stays where it was: the engine gives
     * that symbol an error from its own data phase, and the rest of the account settles and trades.
     */
    void settle() {
        LocalDate through = cycleDate.get().minusDays(1);
        int throughDay = (int) through.toEpochDay();
        if (throughDay == settledPassFor) {
            return; // this process already settled for this cycle date; a lagging symbol's mark is not retried per call
        }
        db.inTransaction(c -> {
            PaperBook book = new PaperBook(c);
            int settled = book.settledThrough();
            if (settled > throughDay) {
                throw new BrokerException("the paper account has already settled bars through "
                        + LocalDate.ofEpochDay(settled) + "; a cycle for " + cycleDate.get() + " would trade on its"
                        + " future. Use a later --as-of or another --state-dir");
            }
            if (settled == throughDay) {
                return null;
            }
            List<Order> open = book.openOrders();
            Map<String, Instrument> symbols = new LinkedHashMap<>();
            open.forEach(o -> symbols.put(o.instrument().symbol(), o.instrument()));
            book.positions().forEach(p -> symbols.put(p.instrument().symbol(), p.instrument()));
            if (symbols.isEmpty()) {
                return null; // nothing to settle, so no day is marked settled without a bar behind it
            }
            double equityBefore = book.equity();
            LocalDate from = settled == PaperBook.NEVER_SETTLED ? through.minusDays(10) : LocalDate.ofEpochDay(settled + 1L);
            int settledTo = throughDay;
            for (Instrument inst : symbols.values()) {
                BarSeries bars;
                try {
                    bars = data.dailyBars(inst, from, through);
                } catch (RuntimeException e) {
                    LOG.warn("{}: settlement skipped, its bars cannot be read: {}", inst, e.getMessage(), e);
                    settledTo = Math.min(settledTo, settled);
                    continue;
                }
                for (int i = 0; i < bars.size(); i++) {
                    for (Order o : open) {
                        if (o.instrument().equals(inst) && bars.epochDays()[i] >= book.eligibleFrom(o.id())
                                && book.isOpen(o.id())) {
                            applyBar(book, o, bars, i);
                        }
                    }
                }
                int newest = bars.isEmpty() ? settled : bars.epochDays()[bars.size() - 1];
                settledTo = Math.min(settledTo, Math.max(newest, settled));
                if (!bars.isEmpty()) {
                    book.markPrice(inst.symbol(), bars.close()[bars.size() - 1]);
                }
            }
            if (settledTo > settled) {
                book.completePendingCancels(); // a cancel requested before these bars took effect after them
                book.markSettled(settledTo, equityBefore);
            }
            return null;
        });
        settledPassFor = throughDay;
    }

    private void applyBar(PaperBook book, Order snapshot, BarSeries bars, int i) throws SQLException {
        Order o = book.orderByClientId(snapshot.clientOrderId()).orElse(snapshot); // an earlier bar may have filled part
        boolean filled;
        double price;
        if (o.type() == OrderType.MARKET) {
            filled = true;
            price = LimitFillRule.marketPrice(o.side(), bars.open()[i], config.slippageBps());
        } else {
            filled = LimitFillRule.fills(o.side(), o.limitPrice(), bars.low()[i], bars.high()[i], config.slippageBps());
            price = LimitFillRule.price(o.side(), o.limitPrice(), bars.open()[i]);
        }
        if (filled) {
            double left = o.qty() - o.filledQty();
            double qty = config.partialFills() && o.type() != OrderType.MARKET ? partOf(o.instrument(), left) : left;
            fill(book, o, qty, price, bars.date(i));
            if (qty < left - 1e-12 && o.timeInForce() != TimeInForce.GTC) {
                book.setStatus(o.id(), OrderStatus.EXPIRED, o.filledQty() + qty, avgAfter(o, qty, price));
            }
        } else if (o.timeInForce() != TimeInForce.GTC) {
            // DAY and IOC orders live for their first eligible session only.
            book.setStatus(o.id(), OrderStatus.EXPIRED, 0, Double.NaN);
        }
    }

    /** Half of what is left, in whole units (1e-4 for crypto), at least one unit. */
    private static double partOf(Instrument inst, double left) {
        double unit = inst.isCrypto() ? 1e-4 : 1;
        double half = Math.ceil(left / 2 / unit - 1e-9) * unit;
        return Math.min(left, Math.max(unit, half));
    }

    private static double avgAfter(Order o, double qty, double price) {
        double before = o.filledQty();
        return before > 0 ? (before * o.filledAvgPrice() + qty * price) / (before + qty) : price;
    }

    private void fill(PaperBook book, Order o, double qty, double price, LocalDate day) throws SQLException {
        double fee = qty * price * (o.instrument().isCrypto() ? config.cryptoFeeRate() : config.stockFeeRate());
        double signed = o.side().sign() * qty;
        book.addCash(-(signed * price + fee));
        Optional<Position> old = book.position(o.instrument().symbol());
        double oldQty = old.map(Position::qty).orElse(0.0);
        double oldAvg = old.map(Position::avgEntryPrice).orElse(0.0);
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
        book.putPosition(o.instrument(), newQty, newAvg, price);
        double filledQty = o.filledQty() + qty;
        book.setStatus(o.id(), filledQty >= o.qty() - 1e-12 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, filledQty,
                avgAfter(o, qty, price));
        book.insertFill(new Fill(o.id(), o.clientOrderId(), o.instrument(), o.side(), qty, price, fee,
                day.atTime(20, 0).toInstant(ZoneOffset.UTC)));
    }

    @Override
    public String toString() {
        return "PaperBroker[" + db.file() + ", fees " + String.format(Locale.ROOT, "%.4f/%.4f", config.stockFeeRate(),
                config.cryptoFeeRate()) + "]";
    }
}
