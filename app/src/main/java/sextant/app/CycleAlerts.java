package sextant.app;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import sextant.core.alert.Alert;
import sextant.core.alert.AlertEvent;
import sextant.core.alert.AlertLevel;
import sextant.core.cycle.CycleStatus;
import sextant.core.order.OrderOutcome;
import sextant.core.port.AlertSink;
import sextant.engine.CycleReport;
import sextant.engine.Holding;
import sextant.engine.OrderEvent;

/**
 * What a step (a cycle, a flatten, later each step of {@code sextant run}) tells the operator through the alert sink:
 * a step that failed, each order the broker rejected or a rule refused, and each position of Sextant's that has no
 * exit order behind it once the orders are placed. The sink logs every alert and posts it to the webhook when one is
 * configured; raising one never throws.
 */
final class CycleAlerts {
    private CycleAlerts() {
    }

    /** After a cycle: its status, its order events, and Sextant's positions left without an exit. */
    static void afterCycle(AlertSink sink, CycleReport report, List<Holding> withoutExit, Instant at) {
        if (report.status() == CycleStatus.SYMBOL_ERRORS || report.status() == CycleStatus.FAILED) {
            List<String> failed = report.decisions().stream().filter(d -> d.action() == sextant.core.cycle.Action.ERROR)
                    .map(d -> d.instrument().symbol()).toList();
            stepFailed(sink, report.status() == CycleStatus.FAILED ? AlertLevel.CRITICAL : AlertLevel.WARNING,
                    "cycle #" + report.cycleId() + " for " + report.asOf() + " ended " + report.status().key()
                            + (failed.isEmpty() ? "" : ": symbols not analysed (their orders and positions were left"
                            + " as they were): " + String.join(", ", failed)), at);
        }
        orders(sink, report.orders(), at);
        withoutExit(sink, withoutExit, at);
    }

    static void stepFailed(AlertSink sink, AlertLevel level, String message, Instant at) {
        sink.send(new Alert(level, AlertEvent.STEP_FAILED, java.util.Optional.empty(), message, at));
    }

    /** One alert per order that a rule refused (warning) or the broker rejected or a fault left unplaced (critical). */
    static void orders(AlertSink sink, List<OrderEvent> events, Instant at) {
        for (OrderEvent e : events) {
            if (e.outcome() != OrderOutcome.REFUSED && e.outcome() != OrderOutcome.FAILED) {
                continue;
            }
            String id = e.request() != null ? e.request().clientOrderId() : e.order() != null ? e.order().clientOrderId()
                    : "";
            sink.send(Alert.of(e.outcome() == OrderOutcome.FAILED ? AlertLevel.CRITICAL : AlertLevel.WARNING,
                    AlertEvent.ORDER_REJECTED, e.symbol(), "order " + e.event() + (id.isEmpty() ? "" : " " + id) + ": "
                            + e.message(), at));
        }
    }

    /** One critical alert per position of Sextant's that its open orders do not exit: money exposed with no way out. */
    static void withoutExit(AlertSink sink, List<Holding> holdings, Instant at) {
        for (Holding h : holdings) {
            sink.send(Alert.of(AlertLevel.CRITICAL, AlertEvent.POSITION_WITHOUT_EXIT, h.symbol(), String.format(Locale.ROOT,
                    "Sextant holds %s %s with exit orders for only %s (no take-profit, stop or close behind the rest);"
                            + " the next cycle plans its exit, or `sextant flatten %s` closes it now",
                    CycleOutput.qty(h.ownQty()), h.symbol(), CycleOutput.qty(h.exitCoveredQty()), h.symbol()), at));
        }
    }
}
