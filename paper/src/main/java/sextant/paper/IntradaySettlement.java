package sextant.paper;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.calendar.Session;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderStatus;
import sextant.core.port.BrokerException;
import sextant.core.port.MarketCalendar;

/**
 * The intraday clock: each symbol steps through the four points of its sessions' paths ({@code paper:daily-bar-path},
 * {@link SessionPath}) as the clock reaches them, in time order, every order of the symbol at each point. How far
 * each symbol got is stored as (session, point) in {@code paper_progress} in the transaction that applies the points,
 * so a process killed mid-session resumes where the last committed pass ended and applies no point twice.
 *
 * <p>A session's bar must be in the market data when the clock reaches its open (a simulated clock over daily bars).
 * A session with no bar while a later bar exists is skipped (logged: nothing of it is applied); a session whose bar is
 * not there yet waits, and the symbol's later points with it.
 */
final class IntradaySettlement implements Settlement {
    private static final Logger LOG = LoggerFactory.getLogger(IntradaySettlement.class);
    private final SettlementParts parts;
    private final Supplier<Instant> now;
    private final Function<Instrument, MarketCalendar> calendars;
    /** The earliest point any symbol of the last pass was waiting for: before it, a pass would change nothing. */
    private volatile Instant nextDue = Instant.MIN;

    IntradaySettlement(SettlementParts parts, Supplier<Instant> now, Function<Instrument, MarketCalendar> calendars) {
        this.parts = parts;
        this.now = now;
        this.calendars = calendars;
    }

    /** The stamp is the clock's instant; the session is the one trading now, else the next to open. */
    @Override
    public Submission submission(Instrument instrument) {
        Instant t = now.get();
        LocalDate session = calendars.apply(instrument).currentOrNextSession(t).date();
        return new Submission(t, (int) session.toEpochDay(), session);
    }

    @Override
    public LocalDate lastClosedDay(Instrument instrument) {
        return calendars.apply(instrument).currentOrNextSession(now.get()).date().minusDays(1);
    }

    @Override
    public void orderAdded() {
        nextDue = Instant.MIN; // a new symbol's first point may come before every other symbol's
    }

    @Override
    public void settle() {
        Instant t = now.get();
        if (t.isBefore(nextDue)) {
            return;
        }
        nextDue = parts.db().inTransaction(c -> settle(new PaperBook(c), t));
    }

    private Instant settle(PaperBook book, Instant t) throws SQLException {
        List<Order> open = book.openOrders();
        Map<String, Instrument> symbols = new LinkedHashMap<>();
        open.forEach(o -> symbols.put(o.instrument().symbol(), o.instrument()));
        book.positions().forEach(p -> symbols.put(p.instrument().symbol(), p.instrument()));
        double equityBefore = book.equity();
        Instant due = Instant.MAX;
        boolean applied = false;
        boolean opened = false;
        for (Instrument inst : symbols.values()) {
            Pass pass = settle(book, inst, open.stream().filter(o -> o.instrument().equals(inst)).toList(), t);
            due = due.isBefore(pass.nextDue()) ? due : pass.nextDue();
            applied |= pass.applied();
            opened |= pass.opened();
        }
        if (applied) {
            book.completePendingCancels(); // a cancel requested before these points took effect after them
        }
        if (opened) {
            book.setLastEquity(equityBefore); // "since the last settlement" counts from before the session opened
        }
        return due;
    }

    /** What one symbol's pass did: whether it applied a point, whether one was a session's open, and what is due next. */
    private record Pass(Instant nextDue, boolean applied, boolean opened) {
    }

    private Pass settle(PaperBook book, Instrument inst, List<Order> orders, Instant t) throws SQLException {
        MarketCalendar cal = calendars.apply(inst);
        String sym = inst.symbol();
        boolean held = book.position(sym).isPresent();
        Optional<SessionProgress> saved = book.progress(sym);
        Session s;
        int j = 0;
        Optional<PathOrder> order = Optional.empty();
        if (saved.isPresent()) {
            SessionProgress p = saved.get();
            Optional<Session> ps = cal.session(p.day());
            if (ps.isPresent() && SessionPath.instants(ps.get())[p.point()].isAfter(t)) {
                throw new BrokerException(sym + ": the paper account has already settled it through "
                        + SessionPath.instants(ps.get())[p.point()] + " (session " + p.day() + ", point " + p.point()
                        + "); a clock at " + t + " would trade on its future. Use a later clock or another --state-dir");
            }
            if (ps.isPresent() && p.point() < SessionPath.CLOSE) {
                s = ps.get();
                j = p.point() + 1;
                order = p.order();
            } else {
                s = cal.nextSession(p.day());
            }
        } else if (held) {
            int settled = book.settledThrough(); // an account the daily clock settled until now
            s = settled == PaperBook.NEVER_SETTLED ? cal.currentOrNextSession(t) : cal.nextSession(LocalDate.ofEpochDay(settled));
        } else {
            s = cal.currentOrNextSession(earliest(orders));
        }
        if (!held) {
            // Flat: no point before its first working order was sent can act, so the sessions until then are skipped.
            Session first = cal.currentOrNextSession(earliest(orders));
            if (first.date().isAfter(s.date())) {
                s = first;
                j = 0;
                order = Optional.empty();
            }
        }
        Optional<SessionProgress> reached = Optional.empty();
        boolean opened = false;
        BarSeries bars = BarSeries.empty(inst);
        boolean loaded = false;
        while (!s.open().isAfter(t)) {
            if (!loaded) {
                try {
                    bars = parts.data().dailyBars(inst, s.date(), t.atZone(cal.zone()).toLocalDate());
                } catch (RuntimeException e) {
                    LOG.warn("{}: settlement skipped, its bars cannot be read: {}", inst, e.getMessage(), e);
                    return new Pass(nextPointAfter(cal, t), false, false);
                }
                loaded = true;
            }
            int i = bars.indexOnOrAfter(s.date());
            if (i >= bars.size() || bars.epochDays()[i] != s.date().toEpochDay()) {
                if (i >= bars.size()) {
                    break; // its bar is not published yet: wait for it
                }
                LOG.warn("{}: no bar for the session of {} (the data has later bars); nothing of it is applied", inst,
                        s.date());
                reached = Optional.of(new SessionProgress(s.date(), SessionPath.CLOSE, Optional.empty()));
                s = cal.nextSession(s.date());
                j = 0;
                order = Optional.empty();
                continue;
            }
            Instant[] at = SessionPath.instants(s);
            for (; j < SessionPath.POINTS && !at[j].isAfter(t); j++) {
                if (order.isEmpty()) {
                    order = exposure(book, sym, orders, at[j]);
                }
                if (order.isPresent()) {
                    SessionPath path = SessionPath.intraday(s, bars, i, order.get());
                    applyPoint(book, orders, path, s, j);
                    book.markPrice(sym, path.price(j));
                }
                opened |= j == 0;
                reached = Optional.of(new SessionProgress(s.date(), j, order));
            }
            if (j < SessionPath.POINTS) {
                break;
            }
            s = cal.nextSession(s.date());
            j = 0;
            order = Optional.empty();
        }
        if (reached.isPresent()) {
            book.putProgress(sym, reached.get());
        }
        return new Pass(nextPointAfter(cal, t), reached.isPresent(), opened);
    }

    /**
     * The order of the session's extremes, fixed by the symbol's exposure when a point first can act: its position,
     * else the entry orders working by then (net of buys and sells); empty while it has neither.
     */
    private static Optional<PathOrder> exposure(PaperBook book, String sym, List<Order> orders, Instant at)
            throws SQLException {
        Optional<Double> held = book.position(sym).map(p -> p.qty());
        if (held.isPresent()) {
            return Optional.of(PathOrder.adverseToHeld(held.get()));
        }
        double net = 0;
        boolean working = false;
        for (Order o : orders) {
            if (PaperBook.sentAt(o).isBefore(at) && book.isOpen(o.id())) {
                working = true;
                net += o.side().sign() * (o.qty() - o.filledQty());
            }
        }
        return working ? Optional.of(PathOrder.adverseToEntries(net)) : Optional.empty();
    }

    /** Point {@code j} for every order of the symbol sent before it, oldest first; DAY orders still working at the close expire. */
    private void applyPoint(PaperBook book, List<Order> orders, SessionPath path, Session s, int j) throws SQLException {
        for (Order snapshot : orders) {
            if (!PaperBook.sentAt(snapshot).isBefore(path.at(j))) {
                continue; // eligible only for points strictly after it was sent
            }
            Optional<Order> stored = book.orderByClientId(snapshot.clientOrderId()).filter(Order::isOpen);
            if (stored.isEmpty()) {
                continue;
            }
            Order o = stored.get();
            if (o.status() == OrderStatus.PARTIALLY_FILLED
                    && book.lastFillAt(o.id()).filter(f -> !f.isBefore(s.open())).isPresent()) {
                continue; // one fill per order and session, as on a daily bar; the rest waits for the next session
            }
            if (!parts.execution().tryFill(book, o, path, path.firstAfter(PaperBook.sentAt(o)), j) && j == SessionPath.CLOSE) {
                parts.execution().expireUnlessGtc(book, o);
            }
        }
    }

    private static Instant earliest(List<Order> orders) {
        return orders.stream().map(PaperBook::sentAt).min(Instant::compareTo).orElseThrow();
    }

    /** The first point of any session strictly after {@code t}. */
    private static Instant nextPointAfter(MarketCalendar cal, Instant t) {
        Session s = cal.currentOrNextSession(t);
        for (Instant at : SessionPath.instants(s)) {
            if (at.isAfter(t)) {
                return at;
            }
        }
        return cal.nextSession(s.date()).open();
    }
}
