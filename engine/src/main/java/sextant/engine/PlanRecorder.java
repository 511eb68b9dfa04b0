package sextant.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.PlanStatus;
import sextant.core.order.PositionPlan;
import sextant.core.port.Ledger;

/**
 * Records the plan of every entry that is out at the broker (submitted, replaced, or kept resting), from the decision
 * that placed it: strategy, cycle, take-profit, stop, end-of-day and time stop. Once per entry client order id (the
 * ledger returns a plan already recorded for it), so a repeated cycle or step records none twice. {@code clock} is the
 * cycle's: a plan is first recorded at the cycle's instant, a simulated run's too.
 */
record PlanRecorder(Ledger ledger, long cycleId, ClientOrderIds ids, ExitSettings exits, Clock clock) {
    private static final Logger LOG = LoggerFactory.getLogger(PlanRecorder.class);

    void record(LocalDate day, List<SymbolDecision> decisions, List<OrderEvent> events) {
        Map<Instrument, SymbolDecision> trading = new HashMap<>();
        decisions.stream().filter(SymbolDecision::trades).forEach(d -> trading.put(d.instrument(), d));
        for (OrderEvent e : events) {
            Order o = e.order();
            boolean out = e.outcome() == OrderOutcome.SUBMITTED || e.outcome() == OrderOutcome.REPLACED
                    || e.outcome() == OrderOutcome.KEPT;
            if (!out || o == null || ids.legOf(o.clientOrderId()) != ClientOrderIds.Leg.ENTRY) {
                continue;
            }
            SymbolDecision d = trading.get(o.instrument());
            if (d == null || d.side() != o.side() || d.strategy() == null) {
                continue;
            }
            PositionPlan plan = ledger.recordPositionPlan(cycleId, clock.instant(), new PositionPlan(0, o.instrument(),
                    o.side(), o.qty(), cycleId, day, d.strategy().key(), o.clientOrderId(), d.entryPrice(), d.takeProfitPrice(),
                    exits.stopPrice(o.side(), d.entryPrice()), d.closeAtEod(), exits.holdingSessions(d.closeAtEod()),
                    PlanStatus.PENDING, "entry " + o.clientOrderId() + " out"));
            LOG.debug("{}: entry {} under plan #{}", o.instrument().symbol(), o.clientOrderId(), plan.id());
        }
    }
}
