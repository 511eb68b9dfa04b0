package sextant.engine;

import org.jspecify.annotations.Nullable;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRequest;

/**
 * What happened to one planned order action, or what the cycle found and left alone: the {@link OrderOutcome}, the
 * request (when one was planned), the broker's order (when there is one) and the reason or the broker's message.
 */
public record OrderEvent(OrderOutcome outcome, String symbol, @Nullable OrderRequest request, @Nullable Order order,
                         @Nullable String message) {
    /** The outcome's stable key ({@code submitted}, {@code kept}, ...), as stored in the ledger. */
    public String event() {
        return outcome.key();
    }
}
