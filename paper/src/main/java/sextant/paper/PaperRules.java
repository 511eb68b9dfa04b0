package sextant.paper;

import java.util.List;
import java.util.Locale;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.port.OrderRefusedException;

/**
 * Alpaca's order rules, applied by the paper broker so that a paper run meets the refusals a real account would:
 * <ul>
 *   <li>no stop-market orders for crypto (Alpaca offers market, limit and stop_limit for it);</li>
 *   <li>wash trade: no order while an opposite-side order of the symbol is open that it could trade against
 *       (either is a market order, or the limits cross);</li>
 *   <li>available quantity: a sell of a long position may not exceed what open sells have not reserved;</li>
 *   <li>a cash account ({@code paper.max-leverage: 1}) sells no stock short;</li>
 *   <li>a stock listed in {@code paper.hard-to-borrow} (Alpaca: not shortable or not easy to borrow) is not sold
 *       short;</li>
 *   <li>pattern-day-trader protection: with equity under $25,000, a stock order that could make a same-day round
 *       trip (an opposite-side order of the symbol is open, so both may fill in the session) is refused when it would
 *       be the 4th day trade in 5 sessions.</li>
 * </ul>
 */
final class PaperRules {
    /** FINRA's minimum equity for a pattern day trader, which Alpaca enforces. */
    static final double PDT_MIN_EQUITY = 25_000;
    /** Day trades allowed within {@link #PDT_SESSIONS} sessions below that equity. */
    static final int PDT_MAX_DAY_TRADES = 3;
    static final int PDT_SESSIONS = 5;

    private PaperRules() {
    }

    /**
     * @param dayTrades day trades in the {@link #PDT_SESSIONS} sessions that end with the order's session
     * @param equity    the account's equity now
     */
    static void check(List<Order> open, OrderRequest r, double held, PaperConfig config, int dayTrades, double equity) {
        String sym = r.instrument().symbol();
        if (r.type() == OrderType.STOP && r.instrument().isCrypto()) {
            throw new OrderRefusedException(sym + ": stop orders are not offered for crypto (Alpaca's crypto orders are"
                    + " market, limit and stop_limit)");
        }
        boolean oppositeOpen = false;
        double reservedSells = 0;
        for (Order o : open) {
            if (!o.instrument().equals(r.instrument())) {
                continue;
            }
            if (o.side() == Side.SELL) {
                reservedSells += o.qty() - o.filledQty();
            }
            if (o.side() != r.side()) {
                oppositeOpen = true;
                boolean crosses = o.type() != OrderType.LIMIT || r.type() != OrderType.LIMIT
                        || (r.side() == Side.BUY ? r.limitPrice() >= o.limitPrice() : r.limitPrice() <= o.limitPrice());
                if (crosses) {
                    throw new OrderRefusedException(sym + ": potential wash trade detected: open " + o.side().wire() + " order "
                            + o.clientOrderId() + " could trade against it (as on Alpaca)");
                }
            }
        }
        if (r.side() == Side.SELL && held > 0) {
            double available = held - reservedSells;
            if (r.qty() > available + 1e-12) {
                throw new OrderRefusedException(String.format(Locale.ROOT, "%s: insufficient qty available for order"
                        + " (requested: %s, available: %s)", sym, r.qty(), Math.max(0, available)));
            }
        }
        boolean opensShort = r.side() == Side.SELL && r.qty() > Math.max(0, held) + 1e-12;
        if (opensShort && !r.instrument().isCrypto() && config.isCashAccount()) {
            throw new OrderRefusedException(sym + ": a cash account cannot sell short (paper.max-leverage 1, as on Alpaca)");
        }
        if (opensShort && !r.instrument().isCrypto() && config.hardToBorrow().contains(sym)) {
            throw new OrderRefusedException(sym + ": asset " + sym + " cannot be sold short (paper.hard-to-borrow, as on"
                    + " Alpaca for an asset that is not shortable or not easy to borrow)");
        }
        if (oppositeOpen && !r.instrument().isCrypto() && equity < PDT_MIN_EQUITY && dayTrades >= PDT_MAX_DAY_TRADES) {
            throw new OrderRefusedException(String.format(Locale.ROOT, "%s: trade denied due to pattern day trading"
                    + " protection: equity %.2f is under %.0f and %d day trades were made in the last %d sessions; this"
                    + " order could complete another same-day round trip (as on Alpaca)", sym, equity, PDT_MIN_EQUITY,
                    dayTrades, PDT_SESSIONS));
        }
    }

    /** The first day of the {@link #PDT_SESSIONS} sessions (weekdays) that end with {@code session}. */
    static java.time.LocalDate pdtWindowStart(java.time.LocalDate session) {
        java.time.LocalDate d = session;
        for (int back = 1; back < PDT_SESSIONS; ) {
            d = d.minusDays(1);
            if (d.getDayOfWeek().getValue() <= 5) {
                back++;
            }
        }
        return d;
    }
}
