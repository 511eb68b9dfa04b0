package sextant.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OwnedPosition;
import sextant.core.order.Position;

/**
 * Splits the account into what Sextant owns and what it does not. Sextant owns an order when its client order id
 * carries this instance's prefix, and the part of a position that its own fills opened (booked in the ledger), never
 * more than the broker holds. Everything else (manual orders and positions, another instance's) is foreign: it is
 * reported and left alone.
 */
final class Ownership {
    /** One symbol's account state, split. {@code ownQty} and {@code foreignQty} are signed and add up to the broker's. */
    record SymbolBook(Instrument instrument, double brokerQty, double ownQty, double avgPrice, double marketPrice,
                      List<Order> own, List<Order> foreign) {
        double foreignQty() {
            return brokerQty - ownQty;
        }

        boolean hasForeign() {
            return Math.abs(foreignQty()) > 1e-9 || !foreign.isEmpty();
        }

        boolean hasOwn() {
            return Math.abs(ownQty) > 1e-9 || !own.isEmpty();
        }

        /** Sextant's part as a position, or null when it holds nothing here. */
        @Nullable Position ownPosition() {
            return Math.abs(ownQty) > 1e-9 ? new Position(instrument, ownQty, avgPrice, marketPrice) : null;
        }
    }

    private Ownership() {
    }

    static Map<String, SymbolBook> split(ClientOrderIds ids, List<Position> positions, List<Order> open,
                                         Map<String, OwnedPosition> owned) {
        Map<String, Instrument> instruments = new TreeMap<>();
        Map<String, Position> pos = new TreeMap<>();
        positions.forEach(p -> {
            pos.put(p.instrument().symbol(), p);
            instruments.put(p.instrument().symbol(), p.instrument());
        });
        Map<String, List<Order>> own = new TreeMap<>();
        Map<String, List<Order>> foreign = new TreeMap<>();
        for (Order o : open) {
            String s = o.instrument().symbol();
            instruments.putIfAbsent(s, o.instrument());
            (ids.owns(o.clientOrderId()) ? own : foreign).computeIfAbsent(s, k -> new ArrayList<>()).add(o);
        }
        Map<String, SymbolBook> out = new TreeMap<>();
        for (Map.Entry<String, Instrument> e : instruments.entrySet()) {
            String s = e.getKey();
            Position p = pos.get(s);
            double broker = p == null ? 0 : p.qty();
            OwnedPosition mine = owned.get(s);
            double ownQty = mine == null ? 0 : clip(mine.qty(), broker);
            double avg = mine != null && Math.abs(ownQty) > 1e-9 ? mine.avgPrice() : (p == null ? 0 : p.avgEntryPrice());
            out.put(s, new SymbolBook(e.getValue(), broker, ownQty, avg, p == null ? Double.NaN : p.marketPrice(),
                    List.copyOf(own.getOrDefault(s, List.of())), List.copyOf(foreign.getOrDefault(s, List.of()))));
        }
        return out;
    }

    /** Sextant's quantity, never more than the broker holds on the same side (a manual trade may have reduced it). */
    static double clip(double owned, double broker) {
        if (Math.abs(owned) < 1e-9 || Math.signum(owned) != Math.signum(broker)) {
            return 0;
        }
        return Math.signum(owned) * Math.min(Math.abs(owned), Math.abs(broker));
    }
}
