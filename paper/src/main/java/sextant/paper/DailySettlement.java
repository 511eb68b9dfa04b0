package sextant.paper;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.port.BrokerException;

/**
 * The daily clock: a cycle dated D sees every bar up to D - 1 as closed, and an order sent on D may fill from the
 * bar dated D on. Each bar is applied whole, as its {@link SessionPath#wholeDay} path, order by order.
 */
final class DailySettlement implements Settlement {
    private static final Logger LOG = LoggerFactory.getLogger(DailySettlement.class);
    private final SettlementParts parts;
    private final Supplier<LocalDate> cycleDate;
    /** The through-day of the last settlement pass this process completed (bars do not change within a cycle). */
    private volatile int settledPassFor = Integer.MIN_VALUE;

    DailySettlement(SettlementParts parts, Supplier<LocalDate> cycleDate) {
        this.parts = parts;
        this.cycleDate = cycleDate;
    }

    @Override
    public Submission submission(Instrument instrument) {
        LocalDate day = cycleDate.get();
        return new Submission(day.atStartOfDay().toInstant(ZoneOffset.UTC), (int) day.toEpochDay(), day);
    }

    @Override
    public LocalDate lastClosedDay(Instrument instrument) {
        return cycleDate.get().minusDays(1);
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
    @Override
    public void settle() {
        LocalDate through = cycleDate.get().minusDays(1);
        int throughDay = (int) through.toEpochDay();
        if (throughDay == settledPassFor) {
            return; // this process already settled for this cycle date; a lagging symbol's mark is not retried per call
        }
        parts.db().runInTransaction(c -> {
            PaperBook book = new PaperBook(c);
            int settled = book.settledThrough();
            if (settled > throughDay) {
                throw new BrokerException("the paper account has already settled bars through "
                        + LocalDate.ofEpochDay(settled) + "; a cycle for " + cycleDate.get() + " would trade on its"
                        + " future. Use a later --as-of or another --state-dir");
            }
            if (settled == throughDay) {
                return;
            }
            List<Order> open = book.openOrders();
            Map<String, Instrument> symbols = new LinkedHashMap<>();
            open.forEach(o -> symbols.put(o.instrument().symbol(), o.instrument()));
            book.positions().forEach(p -> symbols.put(p.instrument().symbol(), p.instrument()));
            if (symbols.isEmpty()) {
                return; // nothing to settle, so no day is marked settled without a bar behind it
            }
            double equityBefore = book.equity();
            LocalDate from = settled == PaperBook.NEVER_SETTLED ? through.minusDays(10) : LocalDate.ofEpochDay(settled + 1L);
            int settledTo = throughDay;
            for (Instrument inst : symbols.values()) {
                BarSeries bars;
                try {
                    bars = parts.data().dailyBars(inst, from, through);
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
        });
        settledPassFor = throughDay;
    }

    /** One order against the whole path of bar {@code i}: its first fill, else a DAY order expires. */
    private void applyBar(PaperBook book, Order snapshot, BarSeries bars, int i) throws SQLException {
        Order o = book.orderByClientId(snapshot.clientOrderId()).orElse(snapshot); // an earlier bar may have filled part
        SessionPath path = SessionPath.wholeDay(bars, i);
        for (int j = 0; j < SessionPath.POINTS; j++) {
            if (parts.execution().tryFill(book, o, path, 0, j)) {
                return;
            }
        }
        parts.execution().expireUnlessGtc(book, o);
    }
}
