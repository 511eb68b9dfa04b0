package sextant.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sextant.core.order.Order;
import sextant.core.order.OwnedPosition;
import sextant.core.order.Position;
import sextant.core.order.TrackedOrder;
import sextant.core.port.Broker;
import sextant.core.port.Ledger;

/**
 * The account split by symbol into Sextant's part and the rest, by the same rules the orders phase acts on (client
 * order id prefix, positions Sextant's fills opened): what {@code sextant status} shows and what an alert checks.
 */
public final class Holdings {
    private Holdings() {
    }

    /** Every symbol with a position or an open order, by symbol. */
    public static Map<String, Holding> split(String orderIdPrefix, List<Position> positions, List<Order> openOrders,
                                             Map<String, OwnedPosition> owned) {
        Map<String, Holding> out = new LinkedHashMap<>();
        Ownership.split(new ClientOrderIds(orderIdPrefix), positions, openOrders, owned)
                .forEach((s, b) -> out.put(s, Holding.of(b)));
        return out;
    }

    /** Sextant's positions that no open order of its own exits. */
    public static List<Holding> withoutExit(Map<String, Holding> holdings) {
        return holdings.values().stream().filter(Holding::lacksExit).toList();
    }

    /** Owned positions with the fills the broker reports that the ledger has not booked yet, and how many those are. */
    public record Owned(Map<String, OwnedPosition> positions, int unbookedFills) {
    }

    /**
     * What Sextant owns as the next reconciliation will book it, read without writing: the ledger's owned positions
     * plus what each of its open orders has filled at the broker beyond the fills booked against it (an entry that
     * filled after the last cycle is Sextant's, not a foreign position). Used by {@code sextant status}, which must not
     * book anything itself.
     */
    public static Owned ownedWithUnbooked(Broker broker, Ledger ledger) {
        Map<String, OwnedPosition> owned = new HashMap<>(ledger.ownedPositions());
        int unbooked = 0;
        for (TrackedOrder t : ledger.trackedOpenOrders()) {
            Optional<Order> now = broker.findByClientOrderId(t.clientOrderId());
            if (now.isEmpty()) {
                continue;
            }
            Order o = now.get();
            double delta = o.filledQty() - t.bookedQty();
            if (delta <= 1e-9) {
                continue;
            }
            double price = Double.isFinite(o.filledAvgPrice()) && o.filledAvgPrice() > 0 ? o.filledAvgPrice() : o.limitPrice();
            String s = o.instrument().symbol();
            owned.put(s, owned.getOrDefault(s, OwnedPosition.flat(s)).book(o.side(), delta, price, 0).position());
            unbooked++;
        }
        owned.values().removeIf(OwnedPosition::isFlat);
        return new Owned(Map.copyOf(owned), unbooked);
    }
}
