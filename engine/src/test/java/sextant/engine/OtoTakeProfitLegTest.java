package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.engine.AlpacaAccountHarness.hold;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeOrder;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/**
 * The take-profit leg Alpaca creates for an OTO stock entry, through the real orders phase: the Alpaca adapter reports
 * it under the entry's id plus {@code -x}, so the engine owns it, keeps it when it is the wanted take-profit, and
 * cancels and replaces it when the take-profit changes. The entry's fill is booked once.
 */
class OtoTakeProfitLegTest {
    static final Instrument SPY = Instrument.stock("SPY");
    static final LocalDate D1 = LocalDate.of(2026, 11, 30);

    @Test
    void theLegIsKeptAsTheWantedTakeProfitAndReplacedWhenItChanges() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.fake.setPrice("SPY", 500);
            String entryId = h.ids.of(D1, SPY, ClientOrderIds.Leg.ENTRY, Side.BUY);
            Order entry = h.broker.submit(new OrderRequest(SPY, Side.BUY, 2, OrderType.LIMIT, 499, TimeInForce.DAY, entryId,
                    510));
            h.fake.fillOrder(entry.id(), 499);
            FakeOrder leg = h.fake.orders().stream().filter(FakeOrder::isLeg).findFirst().orElseThrow();
            int posts = h.fake.requestCount("POST /v2/orders");

            List<OrderEvent> kept = h.cycle(D1.plusDays(1), hold(SPY, Side.BUY, 510, 2));

            assertThat(kept).anySatisfy(e -> {
                assertThat(e.outcome()).isEqualTo(OrderOutcome.KEPT);
                assertThat(e.order().id()).isEqualTo(leg.id());
                assertThat(e.order().clientOrderId()).isEqualTo(entryId + "-x");
            });
            assertThat(h.fake.requestCount("POST /v2/orders")).as("no second take-profit").isEqualTo(posts);
            assertThat(h.fake.orderByClientOrderId(leg.clientOrderId()).orElseThrow().status()).isEqualTo("new");
            assertThat(h.query("SELECT order_id, qty, price FROM fills", rs -> UnattendedOrdersTest.row(rs, 3)))
                    .as("the entry's fill, booked once").containsExactly(List.of(entry.id(), 2.0, 499.0));

            List<OrderEvent> changed = h.cycle(D1.plusDays(2), hold(SPY, Side.BUY, 512, 2));

            assertThat(changed).extracting(OrderEvent::outcome).contains(OrderOutcome.CANCELLED, OrderOutcome.REPLACED);
            assertThat(h.fake.orderByClientOrderId(leg.clientOrderId()).orElseThrow().status()).isEqualTo("canceled");
            FakeOrder tp = h.byClientId("sx-20261202-SPY-xs");
            assertThat(tp.side()).isEqualTo("sell");
            assertThat(tp.qty()).isEqualTo(2);
            assertThat(tp.limitPrice()).isEqualTo(512);
        }
    }
}
