package sextant.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import sextant.core.cycle.CycleStatus;
import sextant.core.cycle.PhaseTimings;
import sextant.core.order.Fill;
import sextant.core.order.OrderOutcome;
import sextant.core.port.Broker;
import sextant.core.port.Ledger;

/**
 * The operator's order commands ({@code sextant flatten}, {@code sextant cancel-all}). Each is recorded in the ledger
 * as a cycle of its own (data source {@code operator}, model {@code flatten} or {@code cancel-all}, no decisions), so
 * {@code sextant report} and {@code state check} see every order it placed or cancelled and every fill it booked. It
 * reconciles first, as a cycle does, then acts only on what Sextant owns by the same rules as the orders phase.
 */
public final class OperatorOrders {
    /** The data source every operator cycle row carries, so reports can tell it from a trading cycle. */
    public static final String SOURCE = "operator";

    /** What one command did: its ledger cycle, how it ended, each order event, and the fills booked meanwhile. */
    public record Result(long cycleId, CycleStatus status, List<OrderEvent> events, List<Fill> fills) {
    }

    private final Broker broker;
    private final Ledger ledger;
    private final String prefix;
    private final OrderSettings settings;
    private final Clock clock;

    public OperatorOrders(Broker broker, Ledger ledger, String orderIdPrefix, OrderSettings settings, Clock clock) {
        this.broker = broker;
        this.ledger = ledger;
        this.prefix = orderIdPrefix;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The account as it stands now, split into Sextant's part and the rest (for the confirmation before acting). Fills
     * of Sextant's orders that the ledger has not booked yet count as Sextant's: the command books them first.
     */
    public Map<String, Holding> holdings() {
        return Holdings.split(prefix, broker.positions(), broker.openOrders(),
                Holdings.ownedWithUnbooked(broker, ledger).positions());
    }

    /**
     * Cancels Sextant's orders and closes its positions at market in {@code symbols} (all when empty); order ids are
     * dated {@code day}.
     */
    public Result flatten(LocalDate day, Set<String> symbols) {
        return run(day, "flatten", symbols.size(), phase -> phase.flatten(day, symbols));
    }

    /** Cancels every open order of Sextant's; positions are kept (and then have no exit until the next cycle). */
    public Result cancelAll(LocalDate day) {
        return run(day, "cancel-all", 0, OrderPhase::cancelAll);
    }

    private Result run(LocalDate day, String kind, int symbols, Function<OrderPhase, List<OrderEvent>> work) {
        long start = System.nanoTime();
        PhaseTimings timings = new PhaseTimings();
        long cycleId = ledger.startCycle(clock.instant(), day, broker.name(), SOURCE, kind, symbols);
        try {
            OrderPhase phase = new OrderPhase(broker, ledger, cycleId, new ClientOrderIds(prefix), settings, clock);
            phase.reconcile();
            List<OrderEvent> events = work.apply(phase);
            ledger.recordAccount(cycleId, clock.instant(), broker.account());
            CycleStatus status = CycleStatus.of(0, events.stream().filter(e -> e.outcome() == OrderOutcome.FAILED).count());
            timings.setTotal(System.nanoTime() - start);
            ledger.finishCycle(cycleId, clock.instant(), status, timings, kind + ": orders " + counts(events));
            return new Result(cycleId, status, events, phase.fills());
        } catch (RuntimeException e) {
            timings.setTotal(System.nanoTime() - start);
            markFailed(cycleId, timings, e);
            throw e;
        }
    }

    /** The ledger says the command failed and why; a ledger that cannot say so does not hide the first fault. */
    private void markFailed(long cycleId, PhaseTimings timings, RuntimeException fault) {
        try {
            ledger.finishCycle(cycleId, clock.instant(), CycleStatus.FAILED, timings, "failed: " + fault.getMessage());
        } catch (RuntimeException suppressed) {
            fault.addSuppressed(suppressed);
        }
    }

    private static Map<String, Integer> counts(List<OrderEvent> events) {
        Map<String, Integer> out = new TreeMap<>();
        events.forEach(e -> out.merge(e.event().toLowerCase(Locale.ROOT), 1, Integer::sum));
        return out;
    }
}
