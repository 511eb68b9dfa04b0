package sextant.core.order;

import java.time.Instant;
import sextant.core.market.Instrument;

/** An order as the broker reports it. */
public record Order(String id, String clientOrderId, Instrument instrument, Side side, double qty, OrderType type,
                    double limitPrice, TimeInForce timeInForce, OrderStatus status, double filledQty,
                    double filledAvgPrice, Instant submittedAt) {

    public boolean isOpen() {
        return status.isOpen();
    }
}
