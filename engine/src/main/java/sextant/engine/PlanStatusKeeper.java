package sextant.engine;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.order.Order;
import sextant.core.order.OwnedPosition;
import sextant.core.order.PlanStatus;
import sextant.core.order.PositionPlan;
import sextant.core.port.Broker;
import sextant.core.port.Ledger;

/**
 * Moves position plans along from what the broker and the ledger say, after the fills are booked: PENDING to OPEN
 * when the entry has filled (in part or whole), PENDING to CANCELLED when the entry ended unfilled (expired,
 * cancelled, rejected, or unknown to the broker), OPEN to CLOSED when Sextant's position is flat and the entry can
 * fill no more. Reads only, then writes the changes: running it twice changes nothing the second time.
 */
record PlanStatusKeeper(Broker broker, Ledger ledger, Clock clock) {
    private static final Logger LOG = LoggerFactory.getLogger(PlanStatusKeeper.class);

    /** Updates every open plan's status and returns the plans still active afterwards, oldest first. */
    List<PositionPlan> update() {
        Map<String, OwnedPosition> owned = ledger.ownedPositions();
        for (PositionPlan p : ledger.activePositionPlans()) {
            try {
                step(p, owned);
            } catch (RuntimeException e) {
                // One plan's lookup failing must not hold back the others; it is tried again at the next step.
                LOG.warn("{}: could not bring plan #{} up to date", p.instrument().symbol(), p.id(), e);
            }
        }
        return ledger.activePositionPlans();
    }

    private void step(PositionPlan p, Map<String, OwnedPosition> owned) {
        Optional<Order> entry = broker.findByClientOrderId(p.entryClientOrderId());
        boolean entryOpen = entry.map(Order::isOpen).orElse(false);
        double filled = entry.map(Order::filledQty).orElse(0.0);
        OwnedPosition own = owned.get(p.instrument().symbol());
        boolean flat = own == null || Math.abs(own.qty()) < 1e-9 || Math.signum(own.qty()) != p.side().sign();
        PlanStatus status = p.status();
        if (status == PlanStatus.PENDING) {
            if (filled > 1e-9) {
                status = PlanStatus.OPEN;
                ledger.updatePositionPlan(p.id(), status, clock.instant(), String.format(Locale.ROOT,
                        "entry %s filled %s of %s at %s", p.entryClientOrderId(), PortfolioBuilder.fmt(filled),
                        PortfolioBuilder.fmt(entry.get().qty()), StrategySelector.price(entry.get().filledAvgPrice())));
            } else if (!entryOpen) {
                String how = entry.map(o -> o.status().name().toLowerCase(Locale.ROOT)).orElse("unknown to the broker");
                ledger.updatePositionPlan(p.id(), PlanStatus.CANCELLED, clock.instant(), "entry " + p.entryClientOrderId()
                        + " ended unfilled (" + how + ")");
                return;
            }
        }
        if (status == PlanStatus.OPEN && flat && !entryOpen) {
            ledger.updatePositionPlan(p.id(), PlanStatus.CLOSED, clock.instant(), "flat: the position the plan opened is"
                    + " closed");
        }
    }
}
