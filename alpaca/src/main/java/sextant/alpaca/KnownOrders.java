package sextant.alpaca;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import sextant.core.market.Instrument;
import sextant.core.order.Order;

/**
 * What the broker has learnt about Alpaca orders: the client order id each goes by for Sextant (an OTO leg's derived
 * id, see {@link OtoLegIds}) and its instrument, so that an execution, which names only the order id, becomes a
 * {@code Fill} the engine recognises; and the filled quantity of each order as last shown to the caller. An execution
 * the caller has already seen in an {@link Order} is not handed over again as a fill: the engine books the filled
 * quantity of the orders it looks at (the difference to what it has booked), so a second report would book it twice.
 */
final class KnownOrders {
    record Known(String clientOrderId, Instrument instrument) {
    }

    private final Map<String, Known> byId = new ConcurrentHashMap<>();
    private final Map<String, Double> shownFilled = new ConcurrentHashMap<>();

    /** Learns a top-level order and its legs. */
    void see(AlpacaOrder top) {
        if (top.id() == null) {
            return;
        }
        byId.putIfAbsent(top.id(), new Known(top.clientOrderId(), top.toOrder().instrument()));
        for (AlpacaOrder leg : top.legs()) {
            // A leg seen on its own first (GET /v2/orders/{id}) carries Alpaca's UUID: the entry's view wins.
            byId.put(leg.id(), new Known(OtoLegIds.of(top.clientOrderId(), leg), leg.toOrder().instrument()));
        }
    }

    Optional<Known> known(String orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    /** The order as the caller gets it, under {@code clientOrderId}; remembers the filled quantity shown. */
    Order show(AlpacaOrder o, String clientOrderId) {
        Order out = o.toOrder(clientOrderId);
        if (o.id() != null) {
            shownFilled.merge(o.id(), out.filledQty(), Math::max);
        }
        return out;
    }

    Order show(AlpacaOrder top) {
        see(top);
        return show(top, top.clientOrderId());
    }

    /** The largest filled quantity of the order shown to the caller so far (0 when never shown). */
    double shownFilled(String orderId) {
        return shownFilled.getOrDefault(orderId, 0.0);
    }
}
