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
        }
    }

    static final class ListLedger implements Ledger {
        final List<String> events = new ArrayList<>();

        @Override
        public long startCycle(Instant s, LocalDate a, String b, String d, String m, int n) {
            return 1;
        }

        @Override
        public void recordBacktests(long id, List<SymbolBacktest> b) {
        }

        @Override
        public void recordDecisions(long id, List<SymbolDecision> d) {
        }

        @Override
        public void recordOrder(long id, Order o, String event) {
            events.add(event + " " + o.clientOrderId());
        }

        @Override
        public void recordFills(long id, List<Fill> f) {
        }

        @Override
        public void recordAccount(long id, Instant at, Account a) {
        }

        @Override
        public void finishCycle(long id, Instant at, String s, PhaseTimings t, String summary) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void cancelsRunFirstKnownIdsAreNotResentAndOneFailureDoesNotStopTheRest() {
        RecordingBroker broker = new RecordingBroker();
        ListLedger ledger = new ListLedger();
        Order stale = new Order("old", "sx-old", AAA, Side.BUY, 1, sextant.core.order.OrderType.LIMIT, 9,
                TimeInForce.DAY, OrderStatus.NEW, 0, Double.NaN, Instant.EPOCH);
        List<PlannedAction> plan = List.of(
                PlannedAction.submit(OrderRequest.limit(AAA, Side.BUY, 1, 10, TimeInForce.DAY, "sx-a"), "entry"),
                PlannedAction.submit(OrderRequest.limit(BBB, Side.BUY, 1, 10, TimeInForce.DAY, "sx-b"), "entry"),
                PlannedAction.cancel(stale, "superseded"));
        List<OrderEvent> events = new OrderExecutor(broker, ledger, 1).execute(plan);
        assertThat(broker.calls).containsExactly("cancel old", "find sx-a", "submit sx-a", "find sx-b", "submit sx-b");
        assertThat(events).extracting(OrderEvent::event).containsExactly("cancelled", "submitted", "failed");
        assertThat(events.get(2).message()).isEqualTo("BBB: refused");
        assertThat(ledger.events).containsExactly("cancelled sx-old", "submitted sx-a");

        List<OrderEvent> again = new OrderExecutor(broker, ledger, 2).execute(plan.subList(0, 1));
        assertThat(again).extracting(OrderEvent::event).containsExactly("already-present");
        assertThat(broker.calls.stream().filter(c -> c.equals("submit sx-a"))).hasSize(1);
    }
}
