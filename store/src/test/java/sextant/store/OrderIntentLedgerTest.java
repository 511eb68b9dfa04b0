package sextant.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRecord;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/** The ledger's side of crash safety: requests being sent, and the last order placed in a symbol. */
class OrderIntentLedgerTest {
    static final Instrument KGC = Instrument.stock("KGC");
    static final Instrument BTC = Instrument.crypto("BTCUSD");

    @TempDir
    Path dir;

    private static Order at(OrderRequest r, String id, OrderStatus status, double filled) {
        return new Order(id, r.clientOrderId(), r.instrument(), r.side(), r.qty(), r.type(), r.limitPrice(),
                r.timeInForce(), status, filled, filled > 0 ? r.limitPrice() : Double.NaN, Instant.EPOCH);
    }

    @Test
    void aRequestBeingSentIsListedExactlyUntilItsFirstOutcomeIsRecordedAndSurvivesAReopen() {
        OrderRequest close = OrderRequest.limit(KGC, Side.SELL, 277, 24.5, TimeInForce.DAY, "sx-20260303-KGC-cs2");
        OrderRequest entry = new OrderRequest(BTC, Side.BUY, 0.25, OrderType.LIMIT, 60_000, TimeInForce.GTC,
                "sx-20260303-BTCUSD-eb", 61_500);
        try (Database db = Database.openIn(dir); SqliteLedger ledger = new SqliteLedger(db)) {
            long cycle = ledger.startCycle(Instant.EPOCH, LocalDate.of(2026, 3, 3), "paper", "d", "m", 2);
            ledger.recordSending(cycle, close, Instant.parse("2026-03-03T20:45:00Z"));
            ledger.recordSending(cycle, entry, Instant.parse("2026-03-03T20:45:01Z"));
            ledger.recordSending(cycle, entry, Instant.parse("2026-03-03T20:45:02Z")); // a retry replaces, never doubles
        }
        try (Database db = Database.openIn(dir); SqliteLedger ledger = new SqliteLedger(db)) {
            assertThat(ledger.ordersBeingSent()).as("read back exactly, NaN stop and take-profit included")
                    .containsExactly(close, entry);
            ledger.recordOrder(1, at(close, "p-1", OrderStatus.NEW, 0), OrderOutcome.SUBMITTED, "close");
            assertThat(ledger.ordersBeingSent()).containsExactly(entry);
            ledger.recordOrder(1, Order.notSent(entry), OrderOutcome.FAILED, "refused");
            assertThat(ledger.ordersBeingSent()).isEmpty();
        }
    }

    @Test
    void stateCheckNamesARequestLeftInDoubtUntilItIsSettled() {
        OrderRequest close = OrderRequest.limit(KGC, Side.SELL, 277, 24.5, TimeInForce.DAY, "sx-20260303-KGC-cs2");
        try (Database db = Database.openIn(dir); SqliteLedger ledger = new SqliteLedger(db)) {
            long cycle = ledger.startCycle(Instant.EPOCH, LocalDate.of(2026, 3, 3), "paper", "d", "m", 1);
            ledger.recordSending(cycle, close, Instant.parse("2026-03-03T20:45:00Z"));
        }
        StateCheck.Report report = StateCheck.run(dir);
        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).containsExactly("sending: order sx-20260303-KGC-cs2 (KGC) was being sent at"
                + " 2026-03-03T20:45:00Z when Sextant stopped, and no outcome is recorded; the next cycle or run step"
                + " asks the broker for it before anything else");
        try (Database db = Database.openIn(dir); SqliteLedger ledger = new SqliteLedger(db)) {
            ledger.recordOrder(1, at(close, "p-9", OrderStatus.FILLED, 277), OrderOutcome.RECONCILED, "found");
        }
        assertThat(StateCheck.run(dir).problems()).isEmpty();
    }

    @Test
    void theLastPlacedOrderIsTheOneRecordedFirstMostRecentlyAtItsNewestStatus() {
        OrderRequest exit = OrderRequest.limit(KGC, Side.SELL, 277, 26, TimeInForce.DAY, "sx-20260303-KGC-xs");
        OrderRequest close = OrderRequest.limit(KGC, Side.SELL, 277, 24.5, TimeInForce.DAY, "sx-20260303-KGC-cs");
        OrderRequest refused = OrderRequest.market(KGC, Side.SELL, 277, TimeInForce.DAY, "sx-20260303-KGC-cs2");
        try (Database db = Database.openIn(dir); SqliteLedger ledger = new SqliteLedger(db)) {
            long cycle = ledger.startCycle(Instant.EPOCH, LocalDate.of(2026, 3, 3), "paper", "d", "m", 1);
            assertThat(ledger.lastPlacedOrder("KGC")).isEmpty();
            ledger.recordOrder(cycle, at(exit, "p-1", OrderStatus.NEW, 0), OrderOutcome.SUBMITTED, "take-profit");
            ledger.recordOrder(cycle, at(close, "p-2", OrderStatus.NEW, 0), OrderOutcome.SUBMITTED, "close");
            ledger.recordOrder(cycle, at(close, "p-2", OrderStatus.EXPIRED, 100), OrderOutcome.RECONCILED, "expired");
            // A later row of the earlier order, and a request no broker took, do not make either the last one placed.
            ledger.recordOrder(cycle, at(exit, "p-1", OrderStatus.CANCELED, 0), OrderOutcome.RECONCILED, "cancelled");
            ledger.recordOrder(cycle, Order.notSent(refused), OrderOutcome.REFUSED, "refused");
            ledger.recordLeftAlone(cycle, "KGC", "a manual position");

            OrderRecord last = ledger.lastPlacedOrder("KGC").orElseThrow();
            assertThat(last).isEqualTo(new OrderRecord("sx-20260303-KGC-cs", "KGC", OrderStatus.EXPIRED, 277, 100,
                    OrderOutcome.RECONCILED));
            assertThat(last.endedUnfilled()).isTrue();
            assertThat(ledger.lastPlacedOrder("BTCUSD")).isEmpty();
        }
    }
}
