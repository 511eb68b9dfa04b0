package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.core.port.Ledger;
import sextant.testkit.RecordingBroker;

class OrderExecutorTest {
    static final Instrument AAA = Instrument.stock("AAA");
    static final Instrument BBB = Instrument.stock("BBB");

    @Test
    void eachSymbolCancelsConfirmsThenSubmitsAndOneFailureDoesNotStopTheOthers() throws Exception {
        RecordingBroker broker = new RecordingBroker(BBB);
        Order stale = new Order("old", "sx-20260101-AAA-eb", AAA, Side.BUY, 1, sextant.core.order.OrderType.LIMIT, 9,
                TimeInForce.DAY, OrderStatus.NEW, 0, Double.NaN, Instant.EPOCH);
        broker.holds(stale);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sx-exec");
        try (sextant.store.Database db = sextant.store.Database.openIn(dir)) {
            Ledger ledger = new sextant.store.SqliteLedger(db);
            long cycle = ledger.startCycle(Instant.EPOCH, LocalDate.of(2026, 1, 2), "recording", "test", "m", 2);
            ClientOrderIds ids = new ClientOrderIds("sx");
            Reconciler rec = new Reconciler(broker, ledger, cycle, ids, java.time.Clock.systemUTC());
            OrderExecutor ex = new OrderExecutor(broker, ledger, cycle, rec, new OrderSettings(true, 2, java.time.Duration.ZERO),
                    java.time.Clock.systemUTC());
            SymbolPlan a = new SymbolPlan(AAA, List.of(stale),
                    OrderRequest.limit(AAA, Side.BUY, 1, 10, TimeInForce.DAY, "sx-a"), null, "entry");
            SymbolPlan b = new SymbolPlan(BBB, List.of(), OrderRequest.limit(BBB, Side.BUY, 1, 10, TimeInForce.DAY, "sx-b"),
                    null, "entry");
            List<OrderEvent> events = new ArrayList<>(ex.execute(a, () -> a));
            events.addAll(ex.execute(b, () -> b));
            assertThat(broker.calls()).containsExactly("cancel old", "find sx-20260101-AAA-eb", "find sx-a", "submit sx-a",
                    "find sx-b", "submit sx-b");
            assertThat(events).extracting(OrderEvent::outcome).containsExactly(sextant.core.order.OrderOutcome.CANCELLED,
                    sextant.core.order.OrderOutcome.REPLACED, sextant.core.order.OrderOutcome.FAILED);
            assertThat(events.get(2).message()).isEqualTo("BBB: refused");

            // The same plan again: the identical order under the same id is kept, not resent.
            SymbolPlan again = new SymbolPlan(AAA, List.of(), a.want(), null, "entry");
            assertThat(ex.execute(again, () -> again)).extracting(OrderEvent::outcome)
                    .containsExactly(sextant.core.order.OrderOutcome.KEPT);
            assertThat(broker.calls().stream().filter(c -> c.equals("submit sx-a"))).hasSize(1);
        }
    }

    /**
     * Found by the SIGKILL test: the day's first entry was replaced (new size), the replacement filled and its
     * take-profit closed the position; a re-run the same day must not enter a second time under the next attempt's id.
     */
    @Test
    void anEntryWhoseReplacementFilledTodayIsNotSentAgain() throws Exception {
        RecordingBroker broker = new RecordingBroker();
        Order first = new Order("o1", "sx-20260102-AAA-eb", AAA, Side.BUY, 2, sextant.core.order.OrderType.LIMIT, 10,
                TimeInForce.DAY, OrderStatus.CANCELED, 0, Double.NaN, Instant.EPOCH);
        Order second = new Order("o2", "sx-20260102-AAA-eb2", AAA, Side.BUY, 3, sextant.core.order.OrderType.LIMIT, 10,
                TimeInForce.DAY, OrderStatus.FILLED, 3, 10, Instant.EPOCH);
        broker.holds(first);
        broker.holds(second);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sx-exec");
        try (sextant.store.Database db = sextant.store.Database.openIn(dir)) {
            Ledger ledger = new sextant.store.SqliteLedger(db);
            long cycle = ledger.startCycle(Instant.EPOCH, LocalDate.of(2026, 1, 2), "recording", "test", "m", 1);
            Reconciler rec = new Reconciler(broker, ledger, cycle, new ClientOrderIds("sx"), java.time.Clock.systemUTC());
            OrderExecutor ex = new OrderExecutor(broker, ledger, cycle, rec, new OrderSettings(true, 2, java.time.Duration.ZERO),
                    java.time.Clock.systemUTC());
            SymbolPlan entry = new SymbolPlan(AAA, List.of(),
                    OrderRequest.limit(AAA, Side.BUY, 4, 10, TimeInForce.DAY, "sx-20260102-AAA-eb"), null, "entry");
            assertThat(ex.execute(entry, () -> entry)).extracting(OrderEvent::outcome)
                    .containsExactly(sextant.core.order.OrderOutcome.KEPT);
            assertThat(broker.calls()).containsExactly("find sx-20260102-AAA-eb", "find sx-20260102-AAA-eb2")
                    .noneMatch(c -> c.startsWith("submit"));
        }
    }
}
