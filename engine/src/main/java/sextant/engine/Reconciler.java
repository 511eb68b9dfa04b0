package sextant.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRequest;
import sextant.core.order.OwnedPosition;
import sextant.core.order.Position;
import sextant.core.order.TrackedOrder;
import sextant.core.port.Broker;
import sextant.core.port.Ledger;

/**
 * Keeps the ledger equal to the broker for what Sextant owns. Fills come from two places: the broker's own fill
 * feed ({@link Broker#takeNewFills}: the paper broker's, with fees; Alpaca's, from its trade stream or polled fill
 * activities, but only for executions after the broker connected) and the filled quantity of each of Sextant's
 * orders compared with what the ledger has booked against that order: the difference is a fill (partial fills
 * included) at the price that makes the booked average equal the broker's. The second covers what no feed reports:
 * fills from before the process started. The feed is always drained first, so a fill is never booked twice.
 *
 * <p>An OTO entry's take-profit leg is created by the broker, so the ledger knows it only once a cycle has seen it
 * working. If the entry and its leg both filled while no process ran, nothing lists the leg (it is no longer open)
 * and no feed reports its fill; so when a tracked entry is found filled, its leg is looked up by its derived id
 * ({@link ClientOrderIds#takeProfitLegOf}), booked like any order, and recorded so that later cycles track it.
 * Without that the owned position would keep the entry's quantity and be clipped as if a manual sale had reduced it.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Broker broker;
    private final Ledger ledger;
    private final long cycleId;
    private final ClientOrderIds ids;
    private final Clock clock;
    private final List<Fill> booked = new ArrayList<>();
    private final List<OrderEvent> events = new ArrayList<>();

    Reconciler(Broker broker, Ledger ledger, long cycleId, ClientOrderIds ids, Clock clock) {
        this.broker = broker;
        this.ledger = ledger;
        this.cycleId = cycleId;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Start of a cycle: fills since the last cycle, the status of every order the ledger still thinks open, and the
     * owned positions against the broker's (an owned position the broker no longer fully holds is cut down to it).
     */
    void reconcile() {
        drainFeed();
        settleInDoubt();
        List<TrackedOrder> tracked = ledger.trackedOpenOrders();
        Set<String> trackedIds = new HashSet<>();
        tracked.forEach(t -> trackedIds.add(t.clientOrderId()));
        for (TrackedOrder t : tracked) {
            Optional<Order> now = lookUp(t.symbol(), t.clientOrderId());
            if (now.isEmpty()) {
                continue;
            }
            Order o = now.get();
            absorb(o);
            if (o.status() != t.status() || o.filledQty() > t.bookedQty() + 1e-9) {
                recordReconciled(o, "at the broker: ");
            }
            if (ids.legOf(o.clientOrderId()) == ClientOrderIds.Leg.ENTRY && o.filledQty() > 1e-9) {
                String legId = ClientOrderIds.takeProfitLegOf(o.clientOrderId());
                if (!trackedIds.contains(legId)) {
                    reconcileLeg(o, legId);
                }
            }
        }
        List<Position> positions = broker.positions();
        for (Map.Entry<String, OwnedPosition> e : ledger.ownedPositions().entrySet()) {
            double held = positions.stream().filter(p -> p.instrument().symbol().equals(e.getKey())).mapToDouble(Position::qty)
                    .sum();
            double clipped = Ownership.clip(e.getValue().qty(), held);
            if (Math.abs(clipped - e.getValue().qty()) > 1e-9) {
                String why = "the broker holds " + PortfolioBuilder.fmt(held) + " where Sextant's fills opened "
                        + PortfolioBuilder.fmt(e.getValue().qty()) + ": a trade outside Sextant reduced it";
                LOG.warn("{}: {}", e.getKey(), why);
                ledger.adjustOwnedPosition(cycleId, e.getKey(), clipped, why);
            }
        }
    }

    /**
     * Requests that were being sent when a process stopped ({@link Ledger#ordersBeingSent}): the broker says whether
     * it took each. One it has is booked and recorded like any reconciled order, so that it is tracked from now on
     * and its fills are not lost; one it does not have is recorded as never placed. A request the broker cannot be
     * asked about now stays in doubt, and the next reconciliation asks again; a submit under its id meanwhile finds
     * the order first, so it is never sent twice.
     */
    private void settleInDoubt() {
        for (OrderRequest r : ledger.ordersBeingSent()) {
            Optional<Order> found;
            try {
                found = broker.findByClientOrderId(r.clientOrderId());
            } catch (RuntimeException e) {
                LOG.warn("{}: could not ask the broker for {}, which was being sent when Sextant last stopped",
                        r.instrument().symbol(), r.clientOrderId(), e);
                continue;
            }
            if (found.isPresent()) {
                absorb(found.get());
                recordReconciled(found.get(), "sent when Sextant last stopped, found at the broker: ");
            } else {
                String why = "was being sent when Sextant last stopped, and the broker does not have it: never placed";
                LOG.warn("{}: {} {}", r.instrument().symbol(), r.clientOrderId(), why);
                // Found at reconciliation, not a failure of this cycle: the next plan places it again if still wanted.
                ledger.recordOrder(cycleId, Order.notSent(r), OrderOutcome.RECONCILED, why);
                events.add(new OrderEvent(OrderOutcome.RECONCILED, r.instrument().symbol(), r, null, why));
            }
        }
    }

    /**
     * The take-profit leg of a filled entry that the ledger does not track (none, for an entry sent without one):
     * books what it has filled and records it when that is news or when it still works (so it is tracked from now).
     */
    private void reconcileLeg(Order entry, String legId) {
        Optional<Order> found = lookUp(entry.instrument().symbol(), legId);
        if (found.isEmpty()) {
            return;
        }
        Order leg = found.get();
        double before = ledger.tracked(leg).bookedQty();
        absorb(leg);
        if (leg.isOpen() || leg.filledQty() > before + 1e-9) {
            recordReconciled(leg, "take-profit leg of " + entry.clientOrderId() + " at the broker: ");
        }
    }

    private Optional<Order> lookUp(String symbol, String clientOrderId) {
        try {
            return broker.findByClientOrderId(clientOrderId);
        } catch (RuntimeException e) {
            LOG.warn("{}: could not look up order {} to reconcile it", symbol, clientOrderId, e);
            return Optional.empty();
        }
    }

    private void recordReconciled(Order o, String where) {
        String why = where + o.status().name().toLowerCase(java.util.Locale.ROOT) + ", filled "
                + PortfolioBuilder.fmt(o.filledQty()) + " of " + PortfolioBuilder.fmt(o.qty());
        ledger.recordOrder(cycleId, o, OrderOutcome.RECONCILED, why);
        events.add(new OrderEvent(OrderOutcome.RECONCILED, o.instrument().symbol(), null, o, why));
    }

    /**
     * Books what the broker says has filled of one of Sextant's orders and the ledger does not have yet.
     *
     * @return true when something new was booked (the symbol's position changed)
     */
    boolean absorb(Order o) {
        if (!ids.owns(o.clientOrderId())) {
            return false;
        }
        boolean fed = drainFeed();
        TrackedOrder t = ledger.tracked(o);
        double delta = o.filledQty() - t.bookedQty();
        if (delta <= 1e-9) {
            return fed;
        }
        double avg = Double.isFinite(o.filledAvgPrice()) && o.filledAvgPrice() > 0 ? o.filledAvgPrice() : o.limitPrice();
        double price = (o.filledQty() * avg - t.bookedNotional()) / delta;
        if (!(price > 0) || !Double.isFinite(price)) {
            price = avg;
        }
        Fill f = new Fill(o.id(), o.clientOrderId(), o.instrument(), o.side(), delta, price, 0, clock.instant());
        ledger.recordFills(cycleId, List.of(f));
        booked.add(f);
        return true;
    }

    private boolean drainFeed() {
        List<Fill> feed = new ArrayList<>();
        for (Fill f : broker.takeNewFills()) {
            if (ids.owns(f.clientOrderId())) {
                feed.add(f);
            }
        }
        if (!feed.isEmpty()) {
            ledger.recordFills(cycleId, feed);
            booked.addAll(feed);
        }
        return !feed.isEmpty();
    }

    /** Every fill booked this cycle, in order. */
    List<Fill> booked() {
        return List.copyOf(booked);
    }

    List<OrderEvent> events() {
        return List.copyOf(events);
    }
}
