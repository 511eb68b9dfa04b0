package sextant.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.order.Order;
import sextant.core.port.Broker;
import sextant.core.port.Ledger;

/**
 * Carries out an order plan. Before each submit it asks the broker for the client order id: if the broker already
 * knows it (from an earlier run today, or a request that timed out after it was accepted), nothing is sent. Each
 * result is written to the ledger immediately, so a crash later in the cycle loses no order record. One failed
 * order does not stop the others.
 */
final class OrderExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(OrderExecutor.class);

    private final Broker broker;
    private final Ledger ledger;
    private final long cycleId;

    OrderExecutor(Broker broker, Ledger ledger, long cycleId) {
        this.broker = broker;
        this.ledger = ledger;
        this.cycleId = cycleId;
    }

    List<OrderEvent> execute(List<PlannedAction> plan) {
        List<OrderEvent> events = new ArrayList<>();
        // Cancels first: the orders they remove free the buying power that the new orders need.
        List<PlannedAction> ordered = new ArrayList<>(plan);
        ordered.sort(java.util.Comparator.comparing(a -> a.cancel() == null));
        for (PlannedAction a : ordered) {
            try {
                if (a.cancel() != null) {
                    broker.cancel(a.cancel().id());
                    events.add(record(new OrderEvent("cancelled", a.symbol(), null, a.cancel(), a.reason())));
                    continue;
                }
                Optional<Order> existing = broker.findByClientOrderId(a.submit().clientOrderId());
                if (existing.isPresent()) {
                    events.add(record(new OrderEvent("already-present", a.symbol(), a.submit(), existing.get(),
                            "client order id " + a.submit().clientOrderId() + " exists (" + existing.get().status()
                                    + "); not resubmitted")));
                    continue;
                }
                Order placed = broker.submit(a.submit());
                events.add(record(new OrderEvent("submitted", a.symbol(), a.submit(), placed, a.reason())));
            } catch (RuntimeException e) {
                LOG.warn("{}: order action failed", a.symbol(), e);
                events.add(new OrderEvent("failed", a.symbol(), a.submit(), a.cancel(), e.getMessage()));
            }
        }
        return events;
    }

    private OrderEvent record(OrderEvent e) {
        if (e.order() != null) {
            ledger.recordOrder(cycleId, e.order(), e.event());
        }
        return e;
    }
}
