package sextant.core.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.cycle.CycleStatus;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.order.Account;
import sextant.core.order.Fill;
import sextant.core.order.Order;

/** Port: the durable record of every cycle: what was seen, decided, ordered and filled, and how long it took. */
public interface Ledger extends AutoCloseable {

    long startCycle(Instant startedAt, LocalDate asOf, String broker, String dataSource, String model, int symbols);

    void recordBacktests(long cycleId, List<SymbolBacktest> backtests);

    void recordDecisions(long cycleId, List<SymbolDecision> decisions);

    /** Records an order the cycle submitted, cancelled or found already present ({@code event} says which). */
    void recordOrder(long cycleId, Order order, String event);

    void recordFills(long cycleId, List<Fill> fills);

    void recordAccount(long cycleId, Instant at, Account account);

    void finishCycle(long cycleId, Instant finishedAt, String status, PhaseTimings timings, String summary);

    /** Finishes the cycle with a status whose stable {@link CycleStatus#key() key} the ledger stores. */
    default void finishCycle(long cycleId, Instant finishedAt, CycleStatus status, PhaseTimings timings, String summary) {
        finishCycle(cycleId, finishedAt, status.key(), timings, summary);
    }

    @Override
    void close();
}
