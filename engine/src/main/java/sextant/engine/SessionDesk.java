package sextant.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.alert.Alert;
import sextant.core.alert.AlertEvent;
import sextant.core.alert.AlertLevel;
import sextant.core.cycle.Action;
import sextant.core.cycle.CycleStatus;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.gate.EntryStatus;
import sextant.core.market.Instrument;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRequest;
import sextant.core.order.PlanStatus;
import sextant.core.order.Position;
import sextant.core.order.PositionPlan;
import sextant.core.order.PriceTicks;
import sextant.core.order.Side;
import sextant.core.port.AlertSink;
import sextant.core.port.Broker;
import sextant.core.port.Ledger;

/**
 * The run loop's work between two cycles, on the plans the cycles recorded: a filled entry gets its take-profit (and
 * its protective stop is watched) at once; positions due to close at the end of the session get a passive limit, then
 * a market order; after the close, expired entries are cancelled in their plans and the account is recorded. Every
 * step first books what the broker filled and brings the plans up to date, and every order goes through the
 * executor's client-order-id lookups, so a step repeated after a crash changes nothing twice.
 *
 * <p>A broker that cannot confirm fills within a step (the daily paper broker) still works: it only sees them later.
 */
public final class SessionDesk {
    private static final Logger LOG = LoggerFactory.getLogger(SessionDesk.class);

    private final Broker broker;
    private final Ledger ledger;
    private final ClientOrderIds ids;
    private final OrderSettings settings;
    private final AlertSink alerts;
    private final Clock clock;
    private final OrderPlanner planner;
    /** Fills taken from the broker while waiting between polls, booked by the next step before it reconciles. */
    private final List<Fill> awaited = new ArrayList<>();
    /** Plans already reported without an exit by this process: one alert each, not one per poll. */
    private final Set<Long> reportedWithoutExit = new HashSet<>();

    public SessionDesk(Broker broker, Ledger ledger, String orderIdPrefix, OrderSettings settings, AlertSink alerts,
                       Clock clock) {
        this.broker = broker;
        this.ledger = ledger;
        this.ids = new ClientOrderIds(orderIdPrefix);
        this.settings = settings;
        this.alerts = alerts;
        this.clock = clock;
        this.planner = new OrderPlanner(ids);
    }

    /** Opens the ledger row a step's orders are recorded under ({@code label}: e.g. {@code run manage stocks}). */
    public long startStep(LocalDate day, String label, String dataSource, String model) {
        return ledger.startCycle(clock.instant(), day, broker.name(), dataSource + " (" + label + ")", model, 0);
    }

    /** Closes the step's ledger row with what it did. */
    public void finishStep(long stepId, String label, List<OrderEvent> events) {
        Map<String, Integer> counts = new TreeMap<>();
        events.forEach(e -> counts.merge(e.event(), 1, Integer::sum));
        long failed = events.stream().filter(e -> e.outcome() == OrderOutcome.FAILED).count();
        ledger.finishCycle(stepId, clock.instant(), CycleStatus.of(0, failed), new PhaseTimings(), label + ": orders " + counts);
    }

    /**
     * While the session trades: fills booked, plans updated; each open plan's position gets its take-profit (an
     * entry that filled only in part is cut to what filled, so that the held part is covered at once; Alpaca would
     * refuse an opposite order next to it anyway), or is closed at market when its stop is crossed. With the kill
     * switch on, open entries are cancelled. Positions due at the close are left to the end-of-day steps once
     * {@code closingStarted}.
     */
    public List<OrderEvent> manage(long stepId, LocalDate day, Predicate<Instrument> scope, boolean closingStarted) {
        Work w = begin(stepId);
        EntryStatus entries = settings.entryGate().entries();
        for (PositionPlan plan : w.plans) {
            if (!scope.test(plan.instrument())) {
                continue;
            }
            if (plan.status() == PlanStatus.PENDING) {
                if (!entries.entriesAllowed()) {
                    cancelEntry(w, plan, "not entering: " + entries.reason());
                }
                continue;
            }
            // Overdue: the cycle before the open is closing it; due at the close: the end-of-day steps are.
            if (w.position(plan).isEmpty() || (closingStarted && dueAtClose(plan, day))
                    || HeldSessions.overdue(settings.calendars().of(plan.instrument()), plan, day)) {
                continue;
            }
            w.carryOut(plan.instrument(), () -> exitOf(day, plan));
        }
        reportUncovered(w, day, scope, closingStarted);
        return w.finish();
    }

    /**
     * The end of the session for positions due to close: close-at-EOD plans and time stops that fall at this close.
     * Their exits are replaced by a passive limit at the last price ({@code marketable} false), then by a market
     * order. A close-at-EOD entry still unfilled is cancelled at the first step: it has no session left to work in.
     */
    public List<OrderEvent> closeDue(long stepId, LocalDate day, Predicate<Instrument> scope, boolean marketable) {
        Work w = begin(stepId);
        for (PositionPlan plan : w.plans) {
            if (!scope.test(plan.instrument()) || !dueAtClose(plan, day)) {
                continue;
            }
            if (plan.status() == PlanStatus.PENDING) {
                if (plan.closeAtEod() && !marketable) {
                    cancelEntry(w, plan, "the session is about to close and the plan closes at the end of the day");
                }
                continue;
            }
            if (w.position(plan).isPresent()) {
                w.carryOut(plan.instrument(), () -> closingOf(day, plan, marketable));
            }
        }
        return w.finish();
    }

    /** After the close: fills booked, entries that expired unfilled cancelled in their plans, the account recorded. */
    public List<OrderEvent> afterClose(long stepId) {
        Work w = begin(stepId);
        ledger.recordAccount(stepId, clock.instant(), broker.account());
        return w.finish();
    }

    /**
     * Between two polls: waits up to {@code max} for a fill the broker reports as it happens (Alpaca's trade stream),
     * so that the loop can give a filled entry its take-profit at once rather than at the next poll. The fills are kept
     * for the next step, which books them first (a process killed before that books them from the orders' filled
     * quantities on restart). Returns whether any came; false at once for a broker whose fills appear only as its bars
     * settle (the paper broker), whose loop just sleeps until the next poll.
     */
    public boolean awaitFills(Duration max) {
        if (!broker.reportsFillsAtOnce()) {
            return false;
        }
        List<Fill> fills = broker.awaitNewFills(max);
        awaited.addAll(fills);
        return !fills.isEmpty();
    }

    /** Start of a run, before anything else: the ledger brought equal to the broker, and the plans to both. */
    public List<OrderEvent> reconcile(long stepId) {
        return begin(stepId).finish();
    }

    private boolean dueAtClose(PositionPlan plan, LocalDate day) {
        return HeldSessions.dueAtClose(settings.calendars().of(plan.instrument()), plan, day);
    }

    /** What an open plan wants now: its take-profit, or a market close once the last price is through its stop. */
    private SymbolPlan exitOf(LocalDate day, PositionPlan plan) {
        Ownership.SymbolBook b = book(plan.instrument());
        Position own = b.ownPosition();
        if (own == null) {
            return SymbolPlan.nothing(plan.instrument(), List.of(), "flat");
        }
        String by = ManagedDecisions.describe(plan);
        if (plan.hasStop() && stopCrossed(plan, own.marketPrice())) {
            return OrderPlanner.match(plan.instrument(), planner.closing(day, plan.instrument(), own, null, true), b.own(),
                    "stop: last price " + StrategySelector.price(own.marketPrice()) + " is through the stop "
                            + StrategySelector.price(plan.stopPrice()) + " (" + by + ")");
        }
        SymbolDecision hold = new SymbolDecision(plan.instrument(), Action.HOLD, null, plan.side(), Double.NaN,
                plan.entryPrice(), plan.takeProfitPrice(), Math.abs(own.qty()), by, false, plan.closeAtEod());
        return planner.planSymbol(day, hold, own, b.own(), null, false, by);
    }

    private SymbolPlan closingOf(LocalDate day, PositionPlan plan, boolean marketable) {
        Ownership.SymbolBook b = book(plan.instrument());
        Position own = b.ownPosition();
        if (own == null) {
            return SymbolPlan.nothing(plan.instrument(), List.of(), "flat");
        }
        String why = (plan.closeAtEod() ? "close at the end of the day" : "time stop: held " + plan.maxHoldingSessions()
                + " session(s)") + " (" + ManagedDecisions.describe(plan) + ")";
        OrderRequest want;
        if (marketable || !Double.isFinite(own.marketPrice())) {
            want = planner.closing(day, plan.instrument(), own, null, true);
            why = "at market, the close is near: " + why;
        } else {
            Side exit = own.side().opposite();
            want = OrderRequest.limit(plan.instrument(), exit, Math.abs(own.qty()),
                    PriceTicks.round(plan.instrument(), exit, own.marketPrice()), OrderPlanner.tif(plan.instrument()),
                    ids.of(day, plan.instrument(), ClientOrderIds.Leg.CLOSE, exit));
            why = "passive limit at the last price: " + why;
        }
        return OrderPlanner.match(plan.instrument(), want, b.own(), why);
    }

    private static boolean stopCrossed(PositionPlan plan, double last) {
        return Double.isFinite(last) && (plan.side() == Side.BUY ? last <= plan.stopPrice() : last >= plan.stopPrice());
    }

    private void cancelEntry(Work w, PositionPlan plan, String why) {
        w.carryOut(plan.instrument(), () -> {
            List<Order> entry = book(plan.instrument()).own().stream()
                    .filter(o -> o.clientOrderId().equals(plan.entryClientOrderId())).toList();
            return SymbolPlan.nothing(plan.instrument(), entry, why);
        });
    }

    /** An open plan whose position has no order of Sextant's behind it, while the session trades, is reported. */
    private void reportUncovered(Work w, LocalDate day, Predicate<Instrument> scope, boolean closingStarted) {
        Map<String, Ownership.SymbolBook> books = books();
        for (PositionPlan plan : ledger.activePositionPlans()) {
            Ownership.SymbolBook b = books.get(plan.instrument().symbol());
            boolean covered = b == null || b.ownPosition() == null || !b.own().isEmpty() || !plan.hasTakeProfit()
                    || (closingStarted && dueAtClose(plan, day))
                    || HeldSessions.overdue(settings.calendars().of(plan.instrument()), plan, day);
            if (plan.status() != PlanStatus.OPEN || !scope.test(plan.instrument()) || covered
                    || !reportedWithoutExit.add(plan.id())) {
                continue;
            }
            Ownership.SymbolBook book = Objects.requireNonNull(b, "a plan that is not covered has a book");
            String msg = plan.instrument().symbol() + ": " + PortfolioBuilder.fmt(book.ownQty())
                    + " held with no exit order ("
                    + ManagedDecisions.describe(plan) + "); see the orders of step " + w.stepId + " in the ledger";
            LOG.warn(msg);
            alerts.send(Alert.of(AlertLevel.CRITICAL, AlertEvent.POSITION_WITHOUT_EXIT, plan.instrument().symbol(), msg,
                    clock.instant()));
        }
    }

    private Map<String, Ownership.SymbolBook> books() {
        return Ownership.split(ids, broker.positions(), broker.openOrders(), ledger.ownedPositions());
    }

    private Ownership.SymbolBook book(Instrument inst) {
        Ownership.SymbolBook b = books().get(inst.symbol());
        return b != null ? b : new Ownership.SymbolBook(inst, 0, 0, 0, Double.NaN, List.of(), List.of());
    }

    private Work begin(long stepId) {
        List<Fill> ours = awaited.stream().filter(f -> ids.owns(f.clientOrderId())).toList();
        if (!ours.isEmpty()) {
            ledger.recordFills(stepId, ours); // before the reconciler compares the orders' filled quantities with the ledger
        }
        awaited.clear();
        Reconciler reconciler = new Reconciler(broker, ledger, stepId, ids, clock);
        reconciler.reconcile();
        List<PositionPlan> plans = new PlanStatusKeeper(broker, ledger, clock).update();
        return new Work(stepId, reconciler, new OrderExecutor(broker, ledger, stepId, reconciler, settings, clock), plans,
                books());
    }

    /** One step's state: its ledger row, its reconciler and executor, the plans and books it started from. */
    private final class Work {
        final long stepId;
        final OrderExecutor executor;
        final List<PositionPlan> plans;
        final Map<String, Ownership.SymbolBook> books;
        final List<OrderEvent> events = new ArrayList<>();

        Work(long stepId, Reconciler reconciler, OrderExecutor executor, List<PositionPlan> plans,
             Map<String, Ownership.SymbolBook> books) {
            this.stepId = stepId;
            this.executor = executor;
            this.plans = plans;
            this.books = books;
            events.addAll(reconciler.events());
        }

        Optional<Position> position(PositionPlan plan) {
            Ownership.SymbolBook b = books.get(plan.instrument().symbol());
            return Optional.ofNullable(b == null ? null : b.ownPosition()).filter(p -> p.side() == plan.side());
        }

        /** Plans the symbol from fresh state and carries it out, unless it already stands as wanted. */
        void carryOut(Instrument inst, java.util.function.Supplier<SymbolPlan> plan) {
            try {
                SymbolPlan p = plan.get();
                if (p.cancels().isEmpty() && (p.want() == null || p.keep() != null)) {
                    return; // nothing to change: no ledger row for an order that stands as it should
                }
                List<OrderEvent> done = executor.execute(p, plan);
                events.addAll(done);
                done.stream().filter(e -> e.outcome() == OrderOutcome.REFUSED || e.outcome() == OrderOutcome.FAILED)
                        .forEach(e -> alerts.send(Alert.of(AlertLevel.WARNING, AlertEvent.ORDER_REJECTED, e.symbol(),
                                e.symbol() + ": " + e.message(), clock.instant())));
            } catch (RuntimeException e) {
                LOG.warn("{}: orders failed", inst.symbol(), e);
                events.add(new OrderEvent(OrderOutcome.FAILED, inst.symbol(), null, null, "orders of " + inst.symbol()
                        + " failed: " + e.getMessage()));
                alerts.send(Alert.of(AlertLevel.WARNING, AlertEvent.ORDER_REJECTED, inst.symbol(), inst.symbol()
                        + ": orders failed: " + e.getMessage(), clock.instant()));
            }
        }

        List<OrderEvent> finish() {
            return List.copyOf(events);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SessionDesk[%s, prefix %s]", broker.name(), ids.prefix());
    }
}
