package sextant.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.port.Broker;
import sextant.core.port.Ledger;
import sextant.core.port.OrderRefusedException;

/**
 * Carries out one symbol's plan: cancel, then confirm, then submit. The submit waits until every cancel it depends on
 * is confirmed by the broker ({@code canceled}, or found filled). A fill found during a cancel is booked and the symbol
 * is planned again from the new position, so a filled entry is followed by its take-profit, never by a second entry.
 * A cancel still pending after the checks blocks the submit (it is reported, and the next cycle continues).
 *
 * <p>Before a submit, the wanted id is looked up: an identical open order under it is kept; an id that is taken by a
 * different, cancelled, rejected or expired order moves on to the next attempt's id ({@code …-eb2}). Every result is
 * written to the ledger at once, with its reason. A fault in one symbol is reported and never touches another.
 */
final class OrderExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(OrderExecutor.class);
    private static final int MAX_ATTEMPTS = 9;

    private final Broker broker;
    private final Ledger ledger;
    private final long cycleId;
    private final Reconciler reconciler;
    private final OrderSettings settings;
    private final Clock clock;

    OrderExecutor(Broker broker, Ledger ledger, long cycleId, Reconciler reconciler, OrderSettings settings,
                  Clock clock) {
        this.broker = broker;
        this.ledger = ledger;
        this.cycleId = cycleId;
        this.reconciler = reconciler;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param replan plans the symbol again from the broker's and the ledger's current state (after a fill found
     *               during a cancel)
     */
    List<OrderEvent> execute(SymbolPlan plan, Supplier<SymbolPlan> replan) {
        List<OrderEvent> events = new ArrayList<>();
        run(plan, replan, events, true);
        return events;
    }

    private void run(SymbolPlan plan, Supplier<SymbolPlan> replan, List<OrderEvent> events, boolean mayReplan) {
        String symbol = plan.instrument().symbol();
        boolean blocked = false;
        boolean positionChanged = false;
        for (Order o : plan.cancels()) {
            CancelResult r = cancelAndConfirm(o, symbol, plan.reason());
            events.add(record(r.event));
            blocked |= r.blocking;
            positionChanged |= r.filled;
        }
        if (positionChanged && mayReplan) {
            SymbolPlan again;
            try {
                again = replan.get();
            } catch (RuntimeException e) {
                LOG.warn("{}: re-planning after a fill failed", symbol, e);
                events.add(new OrderEvent(OrderOutcome.FAILED, symbol, plan.want(), null,
                        "re-planning after a fill found during a cancel failed: " + e.getMessage()));
                return;
            }
            run(again, replan, events, false);
            return;
        }
        if (plan.keep() != null) {
            OrderEvent kept = record(new OrderEvent(OrderOutcome.KEPT, symbol, plan.want(), plan.keep(),
                    "identical order already resting (" + plan.keep().clientOrderId() + "); not resent: " + plan.reason()));
            events.add(kept);
            if (plan.flip()) {
                enterAfterClose(kept.order(), symbol, replan, events);
            }
            return;
        }
        if (plan.want() == null) {
            return;
        }
        if (blocked) {
            events.add(recordNotSent(new OrderEvent(OrderOutcome.REFUSED, symbol, plan.want(), null,
                    "not sent: a cancel it depends on is not confirmed yet; the next cycle continues")));
            return;
        }
        OrderEvent sent = submit(plan, symbol);
        events.add(sent);
        if (plan.flip() && sent.outcome() != OrderOutcome.REFUSED && sent.outcome() != OrderOutcome.FAILED) {
            enterAfterClose(sent.order(), symbol, replan, events);
        }
    }

    /**
     * The second half of a flip: the entry is placed only once the close is confirmed filled. A resting opposite order
     * would make the broker refuse the entry as a potential wash trade, and a close that filled only in part would
     * leave the entry trading against Sextant's own position. A close not confirmed within the checks stays working,
     * and the next cycle enters from the flat position.
     */
    private void enterAfterClose(@Nullable Order close, String symbol, Supplier<SymbolPlan> replan, List<OrderEvent> events) {
        if (close == null) {
            return;
        }
        Order now = close;
        try {
            for (int check = 1; now.isOpen() && check <= settings.cancelChecks(); check++) {
                if (check > 1) {
                    sleep();
                }
                now = broker.findByClientOrderId(close.clientOrderId()).orElse(now);
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: could not confirm the flip's close {}", symbol, close.clientOrderId(), e);
        }
        reconciler.absorb(now);
        if (now.status() != OrderStatus.FILLED) {
            // No order on the event: the cycle output then prints this reason, not the close's id again.
            events.add(new OrderEvent(OrderOutcome.REFUSED, symbol, null, null, "flip: entry not sent this cycle: the"
                    + " close " + close.clientOrderId() + " is " + now.status().name().toLowerCase(java.util.Locale.ROOT)
                    + " (filled " + PortfolioBuilder.fmt(now.filledQty()) + " of " + PortfolioBuilder.fmt(now.qty())
                    + "); the entry follows in the next cycle, once the close has filled"));
            return;
        }
        SymbolPlan entry;
        try {
            entry = replan.get();
        } catch (RuntimeException e) {
            LOG.warn("{}: planning the flip's entry failed", symbol, e);
            events.add(new OrderEvent(OrderOutcome.FAILED, symbol, null, null,
                    "flip: the close filled, but planning the entry failed: " + e.getMessage()));
            return;
        }
        run(new SymbolPlan(entry.instrument(), entry.cancels(), entry.want(), entry.keep(),
                "flip, after the close " + close.clientOrderId() + " filled: " + entry.reason(), false), replan, events, false);
    }

    private record CancelResult(OrderEvent event, boolean blocking, boolean filled) {
    }

    private CancelResult cancelAndConfirm(Order o, String symbol, String planReason) {
        String cancelError = null;
        try {
            broker.cancel(o.id());
        } catch (RuntimeException e) {
            // Often a race: the order filled (or expired) while it was being cancelled. Its state decides below.
            cancelError = e.getMessage();
            LOG.info("{}: cancel of {} answered: {}", symbol, o.clientOrderId(), cancelError);
        }
        Order now = o;
        for (int check = 1; check <= settings.cancelChecks(); check++) {
            Optional<Order> found;
            try {
                found = broker.findByClientOrderId(o.clientOrderId());
            } catch (RuntimeException e) {
                LOG.warn("{}: could not confirm the cancel of {}", symbol, o.clientOrderId(), e);
                return new CancelResult(new OrderEvent(OrderOutcome.FAILED, symbol, null, o,
                        "cancel not confirmed: " + e.getMessage()), true, false);
            }
            if (found.isEmpty()) {
                return new CancelResult(new OrderEvent(OrderOutcome.FAILED, symbol, null, o,
                        "cancelled order " + o.clientOrderId() + " is no longer known to the broker"), true, false);
            }
            now = found.get();
            if (!now.isOpen()) {
                break;
            }
            if (cancelError != null) {
                return new CancelResult(new OrderEvent(OrderOutcome.FAILED, symbol, null, now,
                        "cancel failed and the order is still open: " + cancelError), true, false);
            }
            if (check < settings.cancelChecks()) {
                sleep();
            }
        }
        boolean filled = reconciler.absorb(now);
        if (now.isOpen()) {
            return new CancelResult(new OrderEvent(OrderOutcome.CANCEL_PENDING, symbol, null, now,
                    "cancel requested, the broker still reports it working after " + settings.cancelChecks() + " checks"),
                    true, filled);
        }
        if (filled) {
            return new CancelResult(new OrderEvent(OrderOutcome.FILLED_DURING_CANCEL, symbol, null, now,
                    "filled " + PortfolioBuilder.fmt(now.filledQty()) + " of " + PortfolioBuilder.fmt(now.qty())
                            + " while it was being cancelled (" + now.status().name().toLowerCase(java.util.Locale.ROOT)
                            + "); booked, and the symbol is planned again from the new position"), false, true);
        }
        return new CancelResult(new OrderEvent(OrderOutcome.CANCELLED, symbol, null, now,
                "cancelled for the plan of " + symbol + ": " + planReason), false, false);
    }

    private OrderEvent submit(SymbolPlan plan, String symbol) {
        OrderRequest want = Objects.requireNonNull(plan.want(), "submit is called for a plan that wants an order");
        OrderOutcome outcome = plan.cancels().isEmpty() ? OrderOutcome.SUBMITTED : OrderOutcome.REPLACED;
        String why = plan.cancels().isEmpty() ? plan.reason()
                : "replaces " + plan.cancels().stream().map(Order::clientOrderId).toList() + ": " + plan.reason();
        try {
            OrderRequest req = want;
            for (int attempt = 1; ; attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    return new OrderEvent(OrderOutcome.REFUSED, symbol, want, null, "not sent: " + MAX_ATTEMPTS
                            + " orders of this intent already exist today (" + want.clientOrderId() + "…)");
                }
                req = withId(want, ClientOrderIds.attempt(want.clientOrderId(), attempt));
                Optional<Order> existing = broker.findByClientOrderId(req.clientOrderId());
                if (existing.isEmpty()) {
                    break;
                }
                Order e = existing.get();
                if (e.isOpen() && OrderPlanner.same(e, req)) {
                    return record(new OrderEvent(OrderOutcome.KEPT, symbol, req, e, "client order id "
                            + req.clientOrderId() + " exists (" + e.status() + ") and is identical; not resent"));
                }
                if (e.status() == OrderStatus.FILLED && !e.isOpen() && plan.cancels().isEmpty()
                        && e.side() == req.side()) {
                    // Today's order of this intent already filled (the position is not visible yet, or it has been
                    // closed since): never send it again. Any attempt counts, not only the first: a replacement that
                    // filled and was taken profit on must not let a re-run enter twice in one session.
                    reconciler.absorb(e);
                    return record(new OrderEvent(OrderOutcome.KEPT, symbol, req, e, "client order id "
                            + req.clientOrderId() + " already filled today; not resent"));
                }
            }
            // Written first: if the process dies after the broker takes the order and before it is recorded below,
            // the next reconciliation finds this request and asks the broker for it (Reconciler.settleInDoubt).
            ledger.recordSending(cycleId, req, clock.instant());
            Order placed = broker.submit(req);
            reconciler.absorb(placed);
            return record(new OrderEvent(outcome, symbol, req, placed, why));
        } catch (sextant.core.port.BrokerException e) {
            LOG.warn("{}: order refused or failed", symbol, e);
            OrderOutcome o = e instanceof OrderRefusedException ? OrderOutcome.REFUSED : OrderOutcome.FAILED;
            return recordNotSent(new OrderEvent(o, symbol, want, null, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("{}: order action failed", symbol, e);
            return recordNotSent(new OrderEvent(OrderOutcome.FAILED, symbol, want, null, e.getMessage()));
        }
    }

    /** A refused or failed request is recorded too (as a rejected order that was never placed), with its reason. */
    private OrderEvent recordNotSent(OrderEvent e) {
        OrderRequest r = e.request();
        if (r != null) {
            ledger.recordOrder(cycleId, Order.notSent(r), e.outcome(), e.message());
        }
        return e;
    }

    static OrderRequest withId(OrderRequest r, String id) {
        return new OrderRequest(r.instrument(), r.side(), r.qty(), r.type(), r.limitPrice(), r.timeInForce(), id,
                r.takeProfitPrice());
    }

    private void sleep() {
        try {
            Thread.sleep(settings.cancelCheckWait().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OrderEvent record(OrderEvent e) {
        if (e.order() != null) {
            ledger.recordOrder(cycleId, e.order(), e.outcome(), e.message());
        }
        return e;
    }
}
