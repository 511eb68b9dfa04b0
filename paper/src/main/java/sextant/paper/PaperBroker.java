package sextant.paper;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
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
import sextant.core.port.Broker;
import sextant.core.port.BrokerException;
import sextant.core.port.MarketCalendar;
import sextant.core.port.MarketData;
import sextant.store.Database;

/**
 * A local paper broker whose account, positions and orders persist in SQLite across runs (see {@link PaperBook}).
 *
 * <p>Two clocks drive it. {@link #open} is the daily clock of {@code sextant cycle} and {@code sextant replay}: a cycle
 * dated D sees the bars before D as closed, and an order sent on D may first fill on the bar dated D. Before answering
 * any question the broker applies every closed bar up to D - 1, so fills that happened between runs are applied
 * exactly once; a cycle dated before what the account has already settled is refused (it would trade on bars that
 * are, for it, the future). {@link #openIntraday} is the clock of a run loop: an instant, and each symbol's market
 * calendar, step the account through every session point by point.
 *
 * <p>Fill model, {@code paper:daily-bar-path} (conservative, the strict rule the strategy kernels use, see
 * {@link LimitFillRule}). A session's daily bar is a price path of four points: the open O at the session open, the
 * first extreme at open + 1/3 of the session, the second at open + 2/3, and the close C one minute before the close
 * (so that a flatten sent in the final minutes fills at C). The extremes come in the order adverse to the symbol's
 * exposure at the open. A position held at the open meets the extreme against it first (long: O, L, H, C; short: O,
 * H, L, C), so a protective stop is reached before the take-profit. While flat, working entry orders (net of buys
 * and sells; a symbol with neither takes the exposure of the first order that works in the session) meet the
 * extreme that fills them last (buying: O, H, L, C; selling: O, L, H, C), so an entry filled at the extreme has only
 * the close left to take profit on, as the conservative kernel assumes. An
 * order is eligible only for points strictly after it was submitted. Between point a and point b:
 * <ul>
 *   <li>a buy limit fills iff min(a, b) is strictly below the limit, at a if a was already below it when the order
 *       became live (marketable, or a gap at the open), else at the limit; a sell limit mirrors this;</li>
 *   <li>a market order fills at b, the next point's price;</li>
 *   <li>a sell stop (stop-market) triggers when the path reaches the stop or below, at a if a is at or below it, else
 *       at the stop; a buy stop mirrors this;</li>
 *   <li>a DAY (or IOC) order still working at C expires; a GTC order works until filled or cancelled.</li>
 * </ul>
 * With {@code paper.slippage-bps} a limit must trade through by that margin, and market and triggered stop orders fill
 * that much worse. Orders fill whole, unless {@code paper.partial-fills}: a limit order then fills half of what is
 * left, once per session. Fees are a fraction of notional, per side, from {@link PaperConfig}. STOP_LIMIT is refused.
 *
 * <p>The daily clock applies each bar whole, to one order at a time, from the open: that is the rule above and it is
 * the rule this broker always had (a buy limit fills iff the low is strictly below it, at min(limit, open); a market
 * order at the open), with every fill stamped 20:00 UTC of the bar's date. The intraday clock stamps each fill with
 * its point's instant and keeps each symbol's progress as (session, point), written with the fills, so a killed
 * process resumes exactly once.
 */
public final class PaperBroker implements Broker {
    private final Database db;
    private final MarketData data;
    private final Settlement settlement;
    private final PaperConfig config;

    private PaperBroker(Database db, MarketData data, Settlement settlement, PaperConfig config) {
        this.db = db;
        this.data = data;
        this.settlement = settlement;
        this.config = config;
    }

    /**
     * Opens the paper account in {@code db} on the daily clock, creating it with {@code config.initialCash()} on first
     * use.
     */
    public static PaperBroker open(Database db, MarketData data, Supplier<LocalDate> cycleDate, PaperConfig config) {
        openAccount(db, config);
        return new PaperBroker(db, data, new DailySettlement(parts(db, data, config), cycleDate), config);
    }

    /**
     * Opens the paper account in {@code db} on an intraday clock: {@code now} is the time (a simulated clock for a
     * test day on daily bars), {@code calendars} gives each instrument's sessions ({@code NyseCalendar} for stocks,
     * {@code CryptoCalendar} for crypto). An account belongs to one clock: open it always the same way.
     */
    public static PaperBroker openIntraday(Database db, MarketData data, Supplier<Instant> now,
                                           Function<Instrument, MarketCalendar> calendars, PaperConfig config) {
        openAccount(db, config);
        return new PaperBroker(db, data, new IntradaySettlement(parts(db, data, config), now, calendars), config);
    }

    private static SettlementParts parts(Database db, MarketData data, PaperConfig config) {
        return new SettlementParts(db, data, new PathExecution(config));
    }

    private static void openAccount(Database db, PaperConfig config) {
        double openedWith = db.inTransaction(c -> new PaperBook(c).createAccountIfMissing(config.initialCash()));
        if (Math.abs(openedWith - config.initialCash()) > 1e-6 * Math.max(1, Math.abs(openedWith))) {
            // The setting only shapes a new account; applying it to this one would rewrite its history.
            throw new BrokerException(String.format(Locale.ROOT, "paper.initial-cash is %.2f, but the paper account in"
                    + " %s was opened with %.2f; the setting applies only to a new account. Set it back to %.2f, or"
                    + " start a new account deliberately with another --state-dir or 'sextant state reset --yes'",
                    config.initialCash(), db.file(), openedWith, openedWith));
        }
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
            Submission when = settlement.submission(r.instrument());
            PaperRules.check(book.openOrders(), r, held, config,
                    book.dayTradesSince(PaperRules.pdtWindowStart(when.session())), book.equity());
            checkBuyingPower(book, r, held);
            Order o = new Order("paper-" + book.nextOrderNumber(), r.clientOrderId(), r.instrument(), r.side(), r.qty(),
                    r.type(), r.limitPrice(), r.timeInForce(), OrderStatus.NEW, 0, Double.NaN, when.at());
            book.insertOrder(o, when.eligibleFromDay());
            settlement.orderAdded();
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
        db.runInTransaction(c -> {
            if (config.pendingCancels()) {
                new PaperBook(c).requestCancel(orderId);
            } else {
                new PaperBook(c).cancel(orderId);
            }
        });
    }

    /**
     * Orders fill only when a later bar (daily clock) or a later path point (intraday clock) settles, never on
     * submit, so a close is never found filled in the call that sent it.
     */
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
        LocalDate through = settlement.lastClosedDay(instrument);
        BarSeries bars = data.dailyBars(instrument, through.minusDays(10), through);
        if (bars.isEmpty()) {
            throw new BrokerException(instrument + ": no recent bar to price a market order");
        }
        return bars.close()[bars.size() - 1];
    }

    private void settle() {
        settlement.settle();
    }

    @Override
    public String toString() {
        return "PaperBroker[" + db.file() + ", fees " + String.format(Locale.ROOT, "%.4f/%.4f", config.stockFeeRate(),
                config.cryptoFeeRate()) + "]";
    }
}
