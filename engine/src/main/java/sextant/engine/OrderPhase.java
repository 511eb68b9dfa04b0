package sextant.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderType;
import sextant.core.order.Position;
import sextant.core.port.Broker;
import sextant.core.port.Ledger;

/**
 * The cycle's order work, symbol by symbol: reconcile the ledger with the broker, split the account into what
 * Sextant owns and what it leaves alone, plan each symbol from Sextant's own part, and carry each plan out
 * (cancel, confirm, submit). Symbols dropped from the universe are wound down unless configured to be kept.
 */
final class OrderPhase {
    private static final Logger LOG = LoggerFactory.getLogger(OrderPhase.class);

    private final Broker broker;
    private final Ledger ledger;
    private final long cycleId;
    private final ClientOrderIds ids;
    private final OrderSettings settings;
    private final Reconciler reconciler;
    private final OrderPlanner planner;
    private final OrderExecutor executor;
    private final PlanRecorder plans;

    OrderPhase(Broker broker, Ledger ledger, long cycleId, ClientOrderIds ids, OrderSettings settings, Clock clock) {
        this.broker = broker;
        this.ledger = ledger;
        this.cycleId = cycleId;
        this.ids = ids;
        this.settings = settings;
        this.reconciler = new Reconciler(broker, ledger, cycleId, ids, clock);
        this.planner = new OrderPlanner(ids, broker::attachesTakeProfit);
        this.executor = new OrderExecutor(broker, ledger, cycleId, reconciler, settings, clock);
        this.plans = new PlanRecorder(ledger, cycleId, ids, settings.exits(), clock);
    }

    /** Start of cycle: fills since the last cycle, order statuses and owned positions brought up to date. */
    void reconcile() {
        reconciler.reconcile();
    }

    /** Sextant's own positions (what its fills opened, never more than the broker holds), for sizing. */
    List<Position> ownPositions(List<Position> brokerPositions) {
        Map<String, Ownership.SymbolBook> books = Ownership.split(ids, brokerPositions, List.of(), ledger.ownedPositions());
        List<Position> out = new ArrayList<>();
        books.values().forEach(b -> {
            Position p = b.ownPosition();
            if (p != null) {
                out.add(p);
            }
        });
        return out;
    }

    /** Every fill booked this cycle (reconciliation and fills found during cancels or submits). */
    List<Fill> fills() {
        return reconciler.booked();
    }

    List<OrderEvent> run(LocalDate day, List<SymbolDecision> decisions, Map<Instrument, Double> lastClose) {
        return run(day, decisions, lastClose, i -> true);
    }

    /**
     * @param scope the instruments this cycle is for (a run loop's stock or crypto group): symbols outside it are
     *              neither planned nor wound down, as another group's cycle manages them
     */
    List<OrderEvent> run(LocalDate day, List<SymbolDecision> decisions, Map<Instrument, Double> lastClose,
                         Predicate<Instrument> scope) {
        List<OrderEvent> events = new ArrayList<>(reconciler.events());
        Map<String, Ownership.SymbolBook> books = new java.util.TreeMap<>(Ownership.split(ids, broker.positions(),
                broker.openOrders(), ledger.ownedPositions()));
        books.values().removeIf(b -> !scope.test(b.instrument()));
        for (Ownership.SymbolBook b : books.values()) {
            leaveForeignAlone(b, events);
        }
        Set<String> universe = new HashSet<>();
        for (SymbolDecision d : decisions) {
            String s = d.instrument().symbol();
            universe.add(s);
            if (d.action() == Action.ERROR) {
                continue; // could not be analysed: its positions and orders stay exactly as they are
            }
            Ownership.SymbolBook b = books.get(s);
            try {
                events.addAll(planAndExecute(day, d, b, lastClose.get(d.instrument()), events));
            } catch (RuntimeException e) {
                LOG.warn("{}: orders failed", s, e);
                events.add(new OrderEvent(OrderOutcome.FAILED, s, null, null, "orders of " + s + " failed: " + e.getMessage()));
            }
        }
        for (Ownership.SymbolBook b : books.values()) {
            String s = b.instrument().symbol();
            if (universe.contains(s) || !b.hasOwn()) {
                continue;
            }
            try {
                events.addAll(windDown(day, b));
            } catch (RuntimeException e) {
                LOG.warn("{}: winding down failed", s, e);
                events.add(new OrderEvent(OrderOutcome.FAILED, s, null, null, "winding down " + s + " failed: "
                        + e.getMessage()));
            }
        }
        plans.record(day, decisions, events);
        return events;
    }

    private List<OrderEvent> planAndExecute(LocalDate day, SymbolDecision d, Ownership.@Nullable SymbolBook b,
                                            @Nullable Double lastClose,
                                            List<OrderEvent> events) {
        Instrument inst = d.instrument();
        Position own = b == null ? null : b.ownPosition();
        List<Order> ownOrders = b == null ? List.of() : b.own();
        SymbolDecision decision = d;
        if (own == null && b != null && b.hasForeign() && d.trades()) {
            String why = "not entering " + inst.symbol() + ": the account holds a position or orders there that are not"
                    + " Sextant's; they are left alone";
            events.add(new OrderEvent(OrderOutcome.REFUSED, inst.symbol(), null, null, why));
            decision = SymbolDecision.skip(inst, why);
        }
        boolean escalate = escalate(day, inst.symbol(), ownOrders);
        String flipHeldBack = flipHeldBack(b);
        SymbolPlan plan = planner.planSymbol(day, decision, own, ownOrders, lastClose, escalate, flipHeldBack);
        SymbolDecision finalDecision = decision;
        return executor.execute(plan, () -> replan(day, finalDecision, lastClose, flipHeldBack));
    }

    /** Null when a flip may close and enter in this cycle; otherwise why the entry waits for the next cycle. */
    private @Nullable String flipHeldBack(Ownership.@Nullable SymbolBook b) {
        if (!broker.reportsFillsAtOnce()) {
            return "the " + broker.name() + " broker fills orders only when the next session's bar settles, so the close"
                    + " cannot be confirmed within this cycle";
        }
        if (b != null && b.hasForeign()) {
            // An opposite-side order that is not Sextant's would make the entry a potential wash trade.
            return "orders or a position there are not Sextant's";
        }
        return null;
    }

    /** Plans a symbol again from fresh broker and ledger state (after a fill found during a cancel, or a flip's close). */
    private SymbolPlan replan(LocalDate day, SymbolDecision d, @Nullable Double lastClose, @Nullable String flipHeldBack) {
        String s = d.instrument().symbol();
        Ownership.SymbolBook b = Ownership.split(ids, broker.positions(), broker.openOrders(), ledger.ownedPositions()).get(s);
        Position own = b == null ? null : b.ownPosition();
        SymbolDecision decision = d;
        if (own != null && d.trades() && own.side() == d.side()) {
            // The entry this cycle meant to (re)place has filled: manage the new position instead of entering again.
            decision = d.with(Action.HOLD, Math.abs(own.qty()), "entry filled while it was being replaced; " + d.reason());
        }
        return planner.planSymbol(day, decision, own, b == null ? List.of() : b.own(), lastClose,
                escalate(day, s, b == null ? List.of() : b.own()), flipHeldBack);
    }

    /**
     * A close that has not filled by the next step becomes a market order. The ledger says so durably: the last order
     * Sextant placed in the symbol is a close that the broker ended (expired, cancelled) unfilled. Read from the
     * ledger rather than from this reconciliation, a process killed after recording the expiry and before sending
     * the market close escalates on restart too.
     */
    private boolean escalate(LocalDate day, String symbol, List<Order> own) {
        boolean lastCloseEndedUnfilled = ledger.lastPlacedOrder(symbol)
                .filter(r -> ids.legOf(r.clientOrderId()) == ClientOrderIds.Leg.CLOSE && r.endedUnfilled()
                        && r.lastEvent() == OrderOutcome.RECONCILED)
                .isPresent();
        if (lastCloseEndedUnfilled) {
            return true;
        }
        for (Order o : own) {
            LocalDate placed = ids.dayOf(o.clientOrderId());
            if (ids.legOf(o.clientOrderId()) == ClientOrderIds.Leg.CLOSE && placed != null && placed.isBefore(day)) {
                return true;
            }
            // Today's close already went out at market: an earlier run of this step escalated it and was killed. The
            // unfilled close that made it escalate was reconciled by that run, so only this order still says so.
            if (ids.legOf(o.clientOrderId()) == ClientOrderIds.Leg.CLOSE && o.isOpen()
                    && o.type() == OrderType.MARKET) {
                return true;
            }
        }
        return false;
    }

    private List<OrderEvent> windDown(LocalDate day, Ownership.SymbolBook b) {
        String s = b.instrument().symbol();
        if (!settings.windDownRemoved()) {
            String why = s + " is no longer in the universe; its position and orders are kept (universe.on-removal: keep)";
            ledger.recordLeftAlone(cycleId, s, why);
            return List.of(new OrderEvent(OrderOutcome.LEFT_ALONE, s, null, null, why));
        }
        return closeOwn(day, b, s + " is no longer in the universe: winding it down (universe.on-removal: close)", false);
    }

    /**
     * The operator's flatten: for each symbol (every symbol when {@code symbols} is empty), Sextant's open orders are
     * cancelled and the position its fills opened is closed by a market order under the usual closing id, so a
     * repeated flatten finds its own close resting and sends nothing twice. What is not Sextant's is named and left
     * alone.
     */
    List<OrderEvent> flatten(LocalDate day, Set<String> symbols) {
        return operate(symbols, (b, events) -> events.addAll(closeOwn(day, b, "flatten: the operator closes Sextant's "
                + b.instrument().symbol() + " at market", true)));
    }

    /** The operator's cancel-all: every open order of Sextant's is cancelled (and confirmed); positions stay. */
    List<OrderEvent> cancelAll() {
        return operate(Set.of(), (b, events) -> {
            String why = "cancel-all: the operator cancels Sextant's open orders in " + b.instrument().symbol();
            events.addAll(executor.execute(SymbolPlan.nothing(b.instrument(), b.own(), why), () -> {
                Ownership.SymbolBook now = Ownership.split(ids, broker.positions(), broker.openOrders(),
                        ledger.ownedPositions()).get(b.instrument().symbol());
                return SymbolPlan.nothing(b.instrument(), now == null ? List.of() : now.own(), why);
            }));
        });
    }

    /** Runs {@code action} on each selected symbol where Sextant owns something, after naming what is left alone. */
    private List<OrderEvent> operate(Set<String> symbols, java.util.function.BiConsumer<Ownership.SymbolBook,
            List<OrderEvent>> action) {
        List<OrderEvent> events = new ArrayList<>(reconciler.events());
        Map<String, Ownership.SymbolBook> books = Ownership.split(ids, broker.positions(), broker.openOrders(),
                ledger.ownedPositions());
        for (Ownership.SymbolBook b : books.values()) {
            String s = b.instrument().symbol();
            if (!symbols.isEmpty() && !symbols.contains(s)) {
                continue;
            }
            leaveForeignAlone(b, events);
            if (!b.hasOwn()) {
                continue;
            }
            try {
                action.accept(b, events);
            } catch (RuntimeException e) {
                LOG.warn("{}: operator action failed", s, e);
                events.add(new OrderEvent(OrderOutcome.FAILED, s, null, null, "orders of " + s + " failed: "
                        + e.getMessage()));
            }
        }
        return events;
    }

    /** Cancels Sextant's orders in the symbol and closes its own position (a market order when {@code atMarket}). */
    private List<OrderEvent> closeOwn(LocalDate day, Ownership.SymbolBook b, String why, boolean atMarket) {
        String s = b.instrument().symbol();
        Position own = b.ownPosition();
        SymbolPlan plan;
        if (own == null) {
            plan = SymbolPlan.nothing(b.instrument(), b.own(), why);
        } else {
            plan = OrderPlanner.match(b.instrument(), planner.closing(day, b.instrument(), own, null,
                    atMarket || escalate(day, s, b.own())), b.own(), "close: " + why);
        }
        return executor.execute(plan, () -> {
            Ownership.SymbolBook now = Ownership.split(ids, broker.positions(), broker.openOrders(),
                    ledger.ownedPositions()).get(s);
            if (now == null || now.ownPosition() == null) {
                return SymbolPlan.nothing(b.instrument(), now == null ? List.of() : now.own(), why);
            }
            return OrderPlanner.match(b.instrument(), planner.closing(day, b.instrument(), now.ownPosition(), null,
                    atMarket), now.own(), "close: " + why);
        });
    }

    private void leaveForeignAlone(Ownership.SymbolBook b, List<OrderEvent> events) {
        String s = b.instrument().symbol();
        for (Order o : b.foreign()) {
            String why = "order " + o.clientOrderId() + " was not placed by Sextant (no '" + ids.prefix()
                    + "-' client order id): left alone";
            ledger.recordOrder(cycleId, o, OrderOutcome.LEFT_ALONE, why);
            events.add(new OrderEvent(OrderOutcome.LEFT_ALONE, s, null, o, why));
        }
        if (Math.abs(b.foreignQty()) > 1e-9) {
            String why = "position of " + PortfolioBuilder.fmt(b.foreignQty()) + " " + s
                    + " was not opened by Sextant's fills: left alone";
            ledger.recordLeftAlone(cycleId, s, why);
            events.add(new OrderEvent(OrderOutcome.LEFT_ALONE, s, null, null, why));
        }
    }
}
