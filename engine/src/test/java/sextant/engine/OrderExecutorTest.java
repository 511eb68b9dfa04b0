package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.Position;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.core.port.Broker;
import sextant.core.port.BrokerException;
import sextant.core.port.Ledger;

class OrderExecutorTest {
    static final Instrument AAA = Instrument.stock("AAA");
    static final Instrument BBB = Instrument.stock("BBB");

    /** An in-memory account that records the order of calls and refuses one symbol. */
    static class RecordingBroker implements Broker {
        final List<String> calls = new ArrayList<>();
        final Map<String, Order> byClientId = new HashMap<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Account account() {
            return new Account(0, 0, 0, 0);
        }

        @Override
        public List<Position> positions() {
            return List.of();
        }

        @Override
        public List<Order> openOrders() {
            return List.of();
        }

        @Override
        public Order submit(OrderRequest r) {
            calls.add("submit " + r.clientOrderId());
            if (r.instrument().equals(BBB)) {
                throw new BrokerException("BBB: refused");
            }
            Order o = new Order("o-" + r.clientOrderId(), r.clientOrderId(), r.instrument(), r.side(), r.qty(), r.type(),
                    r.limitPrice(), r.timeInForce(), OrderStatus.NEW, 0, Double.NaN, Instant.EPOCH);
            byClientId.put(r.clientOrderId(), o);
            return o;
        }

        @Override
        public Optional<Order> findByClientOrderId(String id) {
            calls.add("find " + id);
            return Optional.ofNullable(byClientId.get(id));
        }

        @Override
        public void cancel(String orderId) {
            calls.add("cancel " + orderId);
            byClientId.replaceAll((k, o) -> o.id().equals(orderId) ? new Order(o.id(), o.clientOrderId(), o.instrument(),
                    o.side(), o.qty(), o.type(), o.limitPrice(), o.timeInForce(), OrderStatus.CANCELED, o.filledQty(),
                    o.filledAvgPrice(), o.submittedAt()) : o);
        }
    }

    @Test
    void eachSymbolCancelsConfirmsThenSubmitsAndOneFailureDoesNotStopTheOthers() throws Exception {
        RecordingBroker broker = new RecordingBroker();
        Order stale = new Order("old", "sx-20260101-AAA-eb", AAA, Side.BUY, 1, sextant.core.order.OrderType.LIMIT, 9,
                TimeInForce.DAY, OrderStatus.NEW, 0, Double.NaN, Instant.EPOCH);
        broker.byClientId.put(stale.clientOrderId(), stale);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sx-exec");
        try (sextant.store.Database db = sextant.store.Database.openIn(dir)) {
            Ledger ledger = new sextant.store.SqliteLedger(db);
            long cycle = ledger.startCycle(Instant.EPOCH, LocalDate.of(2026, 1, 2), "recording", "test", "m", 2);
            ClientOrderIds ids = new ClientOrderIds("sx");
            Reconciler rec = new Reconciler(broker, ledger, cycle, ids, java.time.Clock.systemUTC());
            OrderExecutor ex = new OrderExecutor(broker, ledger, cycle, rec, new OrderSettings(true, 2, java.time.Duration.ZERO));
            SymbolPlan a = new SymbolPlan(AAA, List.of(stale),
                    OrderRequest.limit(AAA, Side.BUY, 1, 10, TimeInForce.DAY, "sx-a"), null, "entry");
            SymbolPlan b = new SymbolPlan(BBB, List.of(), OrderRequest.limit(BBB, Side.BUY, 1, 10, TimeInForce.DAY, "sx-b"),
                    null, "entry");
            List<OrderEvent> events = new ArrayList<>(ex.execute(a, () -> a));
            events.addAll(ex.execute(b, () -> b));
            assertThat(broker.calls).containsExactly("cancel old", "find sx-20260101-AAA-eb", "find sx-a", "submit sx-a",
                    "find sx-b", "submit sx-b");
            assertThat(events).extracting(OrderEvent::outcome).containsExactly(sextant.core.order.OrderOutcome.CANCELLED,
                    sextant.core.order.OrderOutcome.REPLACED, sextant.core.order.OrderOutcome.FAILED);
            assertThat(events.get(2).message()).isEqualTo("BBB: refused");

            // The same plan again: the identical order under the same id is kept, not resent.
            SymbolPlan again = new SymbolPlan(AAA, List.of(), a.want(), null, "entry");
            assertThat(ex.execute(again, () -> again)).extracting(OrderEvent::outcome)
                    .containsExactly(sextant.core.order.OrderOutcome.KEPT);
            assertThat(broker.calls.stream().filter(c -> c.equals("submit sx-a"))).hasSize(1);
        }
    }
}
