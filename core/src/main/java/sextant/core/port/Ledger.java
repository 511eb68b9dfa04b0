package sextant.core.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import sextant.core.order.OrderRecord;
import sextant.core.order.OrderRequest;
import sextant.core.order.PlanStatus;
import sextant.core.order.PositionPlan;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.cycle.CycleStatus;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.order.Account;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OwnedPosition;
import sextant.core.order.TrackedOrder;

/** Port: the durable record of every cycle: what was seen, decided, ordered and filled, and how long it took. */
public interface Ledger extends AutoCloseable {

    long startCycle(Instant startedAt, LocalDate asOf, String broker, String dataSource, String model, int symbols);

    void recordBacktests(long cycleId, List<SymbolBacktest> backtests);

    void recordDecisions(long cycleId, List<SymbolDecision> decisions);

    /**
     * Records what the cycle did with, or found about, one order, and why. The first row recorded under a client
     * order id also settles a request written by {@link #recordSending}.
     */
    void recordOrder(long cycleId, Order order, OrderOutcome outcome, @Nullable String reason);

    /**
     * Written just before {@code request} goes to the broker, so that a process killed between the broker taking the
     * order and the ledger recording it leaves a trace: {@link #ordersBeingSent} lists it until {@link #recordOrder}
     * records an outcome under its client order id. Writing the same id again replaces the earlier request.
     */
    void recordSending(long cycleId, OrderRequest request, Instant at);

    /**
     * Requests written by {@link #recordSending} with no outcome recorded since, oldest first: each may or may not
     * have reached the broker, and only the broker can say (by its client order id).
     */
    List<OrderRequest> ordersBeingSent();

    /**
     * The newest row of the order Sextant placed last in {@code symbol} (by when it was first recorded; requests that
     * were never sent and orders left alone do not count), or empty when it has placed none there.
     */
    Optional<OrderRecord> lastPlacedOrder(String symbol);

    /**
     * Records fills of Sextant's own orders and books each into the owned position of its symbol, with the P&L it
     * realised. Each fill must be passed once.
     */
    void recordFills(long cycleId, List<Fill> fills);

    /** Positions Sextant's own fills opened, by symbol (flat ones omitted). */
    java.util.Map<String, OwnedPosition> ownedPositions();

    /**
     * Corrects an owned position to what the broker holds when the broker holds less of it (a manual trade reduced
     * it); {@code why} is recorded.
     */
    void adjustOwnedPosition(long cycleId, String symbol, double qty, String why);

    /** Sextant's orders whose last recorded status is open, with the fills booked against each. */
    List<TrackedOrder> trackedOpenOrders();

    /** The fills booked so far against one order (zero quantity when none or unknown). */
    TrackedOrder tracked(Order order);

    /** Records something found in the account that is not Sextant's and was left alone (a manual position). */
    void recordLeftAlone(long cycleId, String symbol, String what);

    void recordAccount(long cycleId, Instant at, Account account);

    /**
     * Records the plan an entry is placed under ({@link PlanStatus#PENDING}), once per entry client order id: a plan
     * already recorded for that id is returned as it stands, so a cycle or step repeated after a crash records none
     * twice.
     *
     * @param at the cycle's instant (its clock's, a simulated one's in a simulated run): the plan's first history row
     * @return the plan with its ledger id
     */
    PositionPlan recordPositionPlan(long cycleId, Instant at, PositionPlan plan);

    /** Moves a plan to {@code status}, with what happened; every change is kept in the plan's history. */
    void updatePositionPlan(long planId, PlanStatus status, Instant at, String note);

    /** Plans still pending or open, oldest first. */
    List<PositionPlan> activePositionPlans();

    void finishCycle(long cycleId, Instant finishedAt, String status, PhaseTimings timings, String summary);

    /** Finishes the cycle with a status whose stable {@link CycleStatus#key() key} the ledger stores. */
    default void finishCycle(long cycleId, Instant finishedAt, CycleStatus status, PhaseTimings timings, String summary) {
        finishCycle(cycleId, finishedAt, status.key(), timings, summary);
    }

    @Override
    void close();
}
