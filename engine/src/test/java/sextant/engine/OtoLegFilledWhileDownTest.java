package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.engine.AlpacaAccountHarness.skip;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeOrder;
import sextant.core.cycle.PhaseTimings;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/**
 * Issue 13: an OTO entry and its take-profit leg both fill while no Sextant process runs. The next process's broker
 * reports neither execution (both predate its connection) and never lists the leg (it is no longer open), so the
 * reconciliation must find the leg through its filled entry and book it, once, or the owned position would be left
 * long and then clipped as if a manual sale had reduced it.
 */
class OtoLegFilledWhileDownTest {
    static final Instrument SPY = Instrument.stock("SPY");
    static final LocalDate D1 = LocalDate.of(2026, 11, 30);

    @Test
    void theLegsFillIsBookedOnceWithItsPnlAndNothingIsTakenForAManualTrade() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.fake.setPrice("SPY", 500);
            // The entry goes out as an OTO with its take-profit and is recorded, as a cycle records what it sends.
            long first = h.ledger.startCycle(Instant.now(), D1, h.broker.name(), "test", "test", 1);
            String entryId = h.ids.of(D1, SPY, ClientOrderIds.Leg.ENTRY, Side.BUY);
            Order sent = h.broker.submit(new OrderRequest(SPY, Side.BUY, 2, OrderType.LIMIT, 499, TimeInForce.DAY, entryId,
                    510));
            h.ledger.recordOrder(first, sent, OrderOutcome.SUBMITTED, "entry with its take-profit");
            h.ledger.finishCycle(first, Instant.now(), "ok", new PhaseTimings(), "");
            FakeOrder entry = h.byClientId(entryId);
            FakeOrder leg = h.fake.orders().stream().filter(FakeOrder::isLeg).findFirst().orElseThrow();
            assertThat(leg.limitPrice()).as("the OTO's take-profit").isEqualTo(510);
            int posts = h.fake.requestCount("POST /v2/orders");

            h.restart(() -> {
                h.fake.fillOrder(entry.id(), 499);
                h.fake.fillOrder(leg.id(), 510);
            });
            assertThat(h.fake.positionQty("SPY")).isZero();

            List<OrderEvent> next = h.cycle(D1.plusDays(1), skip(SPY));

            assertThat(h.query("SELECT order_id, client_order_id, side, qty, price, realized_pnl FROM fills ORDER BY rowid",
                    rs -> UnattendedOrdersTest.row(rs, 6))).as("the entry's and the leg's fill, each once").containsExactly(
                    List.of(entry.id(), "sx-20261130-SPY-eb", "buy", 2.0, 499.0, 0.0),
                    List.of(leg.id(), "sx-20261130-SPY-eb-x", "sell", 2.0, 510.0, 22.0));
            assertThat(h.query("SELECT qty, realized_pnl FROM owned_positions WHERE symbol = 'SPY'",
                    rs -> UnattendedOrdersTest.row(rs, 2))).as("flat, with the realised P&L").containsExactly(List.of(0.0, 22.0));
            assertThat(h.query("SELECT symbol FROM position_adjustments", rs -> UnattendedOrdersTest.row(rs, 1)))
                    .as("nothing taken for a manual sale").isEmpty();
            assertThat(h.ledger.ownedPositions()).isEmpty();
            assertThat(next).filteredOn(e -> e.outcome() == OrderOutcome.RECONCILED)
                    .extracting(e -> e.order().clientOrderId())
                    .containsExactly("sx-20261130-SPY-eb", "sx-20261130-SPY-eb-x");
            assertThat(h.fake.requestCount("POST /v2/orders")).as("nothing sent").isEqualTo(posts);

            List<OrderEvent> again = h.cycle(D1.plusDays(2), skip(SPY));

            assertThat(h.query("SELECT COUNT(*) FROM fills", rs -> UnattendedOrdersTest.row(rs, 1)))
                    .as("a second cycle books nothing more").containsExactly(List.of(2));
            assertThat(again).extracting(OrderEvent::outcome).doesNotContain(OrderOutcome.RECONCILED);
            assertThat(h.query("SELECT COUNT(*) FROM position_adjustments", rs -> UnattendedOrdersTest.row(rs, 1)))
                    .containsExactly(List.of(0));
        }
    }
}
