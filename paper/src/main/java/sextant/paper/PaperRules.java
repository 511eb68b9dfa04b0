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
 *   <li>wash trade: no order while an opposite-side order of the symbol is open that it could trade against
 *       (either is a market order, or the limits cross);</li>
 *   <li>available quantity: a sell of a long position may not exceed what open sells have not reserved;</li>
 *   <li>a cash account ({@code paper.max-leverage: 1}) sells no stock short.</li>
 * </ul>
 */
final class PaperRules {
    private PaperRules() {
    }

    static void check(List<Order> open, OrderRequest r, double held, PaperConfig config) {
        String sym = r.instrument().symbol();
        double reservedSells = 0;
        for (Order o : open) {
            if (!o.instrument().equals(r.instrument())) {
                continue;
            }
            if (o.side() == Side.SELL) {
                reservedSells += o.qty() - o.filledQty();
            }
            if (o.side() != r.side()) {
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
    }
}
