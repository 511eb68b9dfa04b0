package sextant.core.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sextant.core.market.Instrument;

/** An order as the broker reports it. */
public record Order(String id, String clientOrderId, Instrument instrument, Side side, double qty, OrderType type,
                    double limitPrice, TimeInForce timeInForce, OrderStatus status, double filledQty,
                    double filledAvgPrice, @Nullable Instant submittedAt) {

    /** The broker id of {@link #notSent} orders: the ledger's record of a request no broker ever took. */
    public static final String NOT_SENT_ID = "not-sent";

    /** A request that was refused or failed before any broker took it, as the ledger records it: rejected, unfilled. */
    public static Order notSent(OrderRequest r) {
        return new Order(NOT_SENT_ID, r.clientOrderId(), r.instrument(), r.side(), r.qty(), r.type(), r.limitPrice(),
                r.timeInForce(), OrderStatus.REJECTED, 0, Double.NaN, null);
    }

    public boolean isOpen() {
        return status.isOpen();
    }
}
