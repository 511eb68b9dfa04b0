package sextant.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;

/** One step of the order plan: submit a request, or cancel an open order; {@code reason} says why. */
record PlannedAction(@Nullable OrderRequest submit, @Nullable Order cancel, String reason) {
    static PlannedAction submit(OrderRequest r, String reason) {
        return new PlannedAction(r, null, reason);
    }

    static PlannedAction cancel(Order o, String reason) {
        return new PlannedAction(null, o, reason);
    }

    String symbol() {
        return submit != null ? submit.instrument().symbol()
                : Objects.requireNonNull(cancel, "an action submits or cancels").instrument().symbol();
    }
}
