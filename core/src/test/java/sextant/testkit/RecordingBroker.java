package sextant.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.Position;
import sextant.core.port.Broker;
import sextant.core.port.BrokerException;

/**
 * An in-memory broker with an empty account that records every order call in the order it came, so a test can
 * assert the sequence (cancel, confirm, submit); it refuses the instruments it is given, as a broker refuses one
 * symbol while the others go through. Subclass it to make another call fail.
 */
public class RecordingBroker implements Broker {
    private final Set<Instrument> refused;
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Order> byClientId = new HashMap<>();

    public RecordingBroker(Instrument... refused) {
        this.refused = Set.of(refused);
    }

    /** The calls so far: {@code submit <client id>}, {@code find <client id>} and {@code cancel <order id>}. */
    public List<String> calls() {
        return calls;
    }

    /** Makes {@code o} known to the broker (an order from an earlier run) without recording a call. */
    public void holds(Order o) {
        byClientId.put(o.clientOrderId(), o);
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public Account account() {
        return new Account(0, 0, 0, 0);
    }

    @Override
    public List<Position> positions() {
        return List.of();
    }

    @Override
    public List<Order> openOrders() {
        return List.of();
    }

    @Override
    public Order submit(OrderRequest r) {
        calls.add("submit " + r.clientOrderId());
        if (refused.contains(r.instrument())) {
            throw new BrokerException(r.instrument().symbol() + ": refused");
        }
        Order o = new Order("o-" + r.clientOrderId(), r.clientOrderId(), r.instrument(), r.side(), r.qty(), r.type(),
                r.limitPrice(), r.timeInForce(), OrderStatus.NEW, 0, Double.NaN, Instant.EPOCH);
        byClientId.put(r.clientOrderId(), o);
        return o;
    }

    @Override
    public Optional<Order> findByClientOrderId(String id) {
        calls.add("find " + id);
        return Optional.ofNullable(byClientId.get(id));
    }

    @Override
    public void cancel(String orderId) {
        calls.add("cancel " + orderId);
        byClientId.replaceAll((k, o) -> o.id().equals(orderId) ? new Order(o.id(), o.clientOrderId(), o.instrument(),
                o.side(), o.qty(), o.type(), o.limitPrice(), o.timeInForce(), OrderStatus.CANCELED, o.filledQty(),
                o.filledAvgPrice(), o.submittedAt()) : o);
    }
}
