package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.core.port.Ledger;
import sextant.store.Database;
import sextant.store.SqliteLedger;
import sextant.testkit.RecordingBroker;

/**
 * Found by the SIGKILL test: a process killed after the broker took an order and before the ledger recorded it left
 * an order of Sextant's that its ledger never knew (a close that then filled). The request is written before it is
 * sent; the next reconciliation asks the broker for each one left behind.
 */
class OrdersInDoubtTest {
    static final Instrument KGC = Instrument.stock("KGC");
    static final Instrument GLD = Instrument.stock("GLD");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T14:00:00Z"), ZoneOffset.UTC);

    @Test
    void anOrderTheBrokerTookIsRecordedAndItsFillBookedOnceAndOneItNeverGotIsRecordedAsNeverPlaced() throws Exception {
        OrderRequest took = OrderRequest.limit(KGC, Side.BUY, 277, 24.5, TimeInForce.DAY, "sx-20260303-KGC-eb");
        OrderRequest lost = OrderRequest.limit(GLD, Side.BUY, 3, 280, TimeInForce.DAY, "sx-20260303-GLD-eb");
        RecordingBroker broker = new RecordingBroker() {
            @Override
            public java.util.List<sextant.core.order.Position> positions() {
                return java.util.List.of(new sextant.core.order.Position(KGC, 277, 24.4, 24.6));
            }
        };
        Path dir = Files.createTempDirectory("sx-doubt");
        try (Database db = Database.openIn(dir); Ledger ledger = new SqliteLedger(db)) {
            long killed = ledger.startCycle(Instant.EPOCH, LocalDate.of(2026, 3, 3), "recording", "test", "m", 2);
            ledger.recordSending(killed, took, CLOCK.instant());
            ledger.recordSending(killed, lost, CLOCK.instant());
            // The broker took the first and it filled since; the process died before recording either.
            broker.holds(new Order("b-1", took.clientOrderId(), KGC, Side.BUY, 277, OrderType.LIMIT, 24.5,
                    TimeInForce.DAY, OrderStatus.FILLED, 277, 24.4, Instant.EPOCH));

            long next = ledger.startCycle(CLOCK.instant(), LocalDate.of(2026, 3, 4), "recording", "test", "m", 2);
            Reconciler rec = new Reconciler(broker, ledger, next, new ClientOrderIds("sx"), CLOCK);
            rec.reconcile();

            assertThat(ledger.ordersBeingSent()).isEmpty();
            assertThat(rec.events()).extracting(OrderEvent::symbol, OrderEvent::outcome).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("KGC", OrderOutcome.RECONCILED),
                    org.assertj.core.groups.Tuple.tuple("GLD", OrderOutcome.RECONCILED));
            assertThat(rec.events().get(1).message()).contains("the broker does not have it: never placed");
            assertThat(ledger.ownedPositions().get("KGC").qty()).isEqualTo(277);
            assertThat(ledger.ownedPositions()).doesNotContainKey("GLD");
            assertThat(ledger.lastPlacedOrder("KGC").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(ledger.lastPlacedOrder("GLD")).as("never placed, so not an order placed there").isEmpty();

            Reconciler again = new Reconciler(broker, ledger, next, new ClientOrderIds("sx"), CLOCK);
            again.reconcile();
            assertThat(again.booked()).as("the fill is booked once").isEmpty();
            assertThat(ledger.ownedPositions().get("KGC").qty()).isEqualTo(277);
        }
    }

    @Test
    void aRequestTheBrokerCannotBeAskedAboutStaysInDoubtUntilItCanBe() throws Exception {
        OrderRequest sent = OrderRequest.limit(KGC, Side.BUY, 277, 24.5, TimeInForce.DAY, "sx-20260303-KGC-eb");
        RecordingBroker unreachable = new RecordingBroker() {
            @Override
            public java.util.Optional<Order> findByClientOrderId(String id) {
                throw new sextant.core.port.BrokerException("connection refused");
            }
        };
        Path dir = Files.createTempDirectory("sx-doubt");
        try (Database db = Database.openIn(dir); Ledger ledger = new SqliteLedger(db)) {
            long cycle = ledger.startCycle(Instant.EPOCH, LocalDate.of(2026, 3, 3), "recording", "test", "m", 1);
            ledger.recordSending(cycle, sent, CLOCK.instant());
            new Reconciler(unreachable, ledger, cycle, new ClientOrderIds("sx"), CLOCK).reconcile();
            assertThat(ledger.ordersBeingSent()).as("not taken for never placed").containsExactly(sent);
        }
    }
}
