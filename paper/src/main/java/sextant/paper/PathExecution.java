package sextant.paper;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import sextant.core.market.Instrument;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.Position;
import sextant.core.order.TimeInForce;

/**
 * Books what {@link PathFill} decides: the fill with its fee, the position, cash and the order's status. Both the
 * daily and the intraday settlement go through here, so they differ only in which points they apply and when.
 */
final class PathExecution {
    private final PaperConfig config;

    PathExecution(PaperConfig config) {
        this.config = config;
    }

    /**
     * Tries {@code o} (as stored now) at point {@code j}. With {@code paper.partial-fills} a limit order fills half of
     * what is left; a DAY remainder then expires, a GTC one waits for the next session.
     *
     * @return whether it filled, wholly or in part
     */
    boolean tryFill(PaperBook book, Order o, SessionPath path, int from, int j) throws SQLException {
        OptionalDouble price = PathFill.at(o, path, from, j, config.slippageBps());
        if (price.isEmpty()) {
            return false;
        }
        double left = o.qty() - o.filledQty();
        double qty = config.partialFills() && o.type() == OrderType.LIMIT ? partOf(o.instrument(), left) : left;
        fill(book, o, qty, price.getAsDouble(), path.at(j));
        if (qty < left - 1e-12 && o.timeInForce() != TimeInForce.GTC) {
            book.setStatus(o.id(), OrderStatus.EXPIRED, o.filledQty() + qty, avgAfter(o, qty, price.getAsDouble()));
        }
        return true;
    }

    /** DAY and IOC orders live for their first eligible session only; GTC orders stay. */
    void expireUnlessGtc(PaperBook book, Order o) throws SQLException {
        if (o.timeInForce() != TimeInForce.GTC) {
            book.setStatus(o.id(), OrderStatus.EXPIRED, o.filledQty(), o.filledAvgPrice());
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

    private void fill(PaperBook book, Order o, double qty, double price, Instant at) throws SQLException {
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
        book.insertFill(new Fill(o.id(), o.clientOrderId(), o.instrument(), o.side(), qty, price, fee, at));
    }
}
