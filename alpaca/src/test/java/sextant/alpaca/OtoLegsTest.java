package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.alpaca.fake.FakeOrder;
import sextant.core.market.Instrument;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/**
 * The take-profit leg Alpaca creates for an OTO stock entry is Sextant's own order: reported under the entry's id with
 * the exit leg code ({@code <entry>-x}), found by that id, cancellable, and shaped like the take-profit the engine would
 * want, so the engine keeps it instead of placing a second one.
 */
class OtoLegsTest {
    private static final Instrument SPY = Instrument.stock("SPY");
    private static final String ENTRY = "sx-20261203-SPY-eb";
    private static final String LEG = ENTRY + "-x";
    private FakeAlpacaServer fake;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        fake = FakeAlpacaServer.start();
        broker = AlpacaFillsTest.open(FakeSetup.client(fake, FakeSetup.time()));
    }

    @AfterEach
    void stop() {
        broker.close();
        fake.close();
    }

    private Order entry() {
        return broker.submit(new OrderRequest(SPY, Side.BUY, 2, OrderType.LIMIT, 500.12, TimeInForce.DAY, ENTRY, 510.46));
    }

    private static List<Order> legs(List<Order> open) {
        return open.stream().filter(o -> o.clientOrderId().equals(LEG)).toList();
    }

    @Test
    void theLegIsHeldUntilTheEntryFillsThenListedAsSextantsOwnTakeProfit() {
        Order e = entry();
        FakeOrder leg = fake.orders().stream().filter(FakeOrder::isLeg).findFirst().orElseThrow();
        assertThat(leg.clientOrderId()).as("Alpaca names the leg").doesNotStartWith("sx-");
        assertThat(leg.status()).isEqualTo("held");
        assertThat(broker.openOrders()).extracting(Order::clientOrderId).containsExactly(ENTRY);

        fake.fillOrder(e.id(), 500.12);
        List<Order> open = broker.openOrders();
        assertThat(open).extracting(Order::clientOrderId).containsExactly(LEG);
        Order tp = open.get(0);
        assertThat(tp.id()).isEqualTo(leg.id());
        assertThat(tp.clientOrderId()).startsWith("sx-"); // the engine's ownership rule: its prefix
        assertThat(tp.clientOrderId().substring(tp.clientOrderId().lastIndexOf('-') + 1)).startsWith("x"); // leg code: exit
        // exactly what the engine wants for the held position: sell the 2 at the take-profit, DAY
        OrderRequest wanted = OrderRequest.limit(SPY, Side.SELL, 2, 510.46, TimeInForce.DAY, "sx-20261203-SPY-xs");
        assertThat(tp.side()).isEqualTo(wanted.side());
        assertThat(tp.qty() - tp.filledQty()).isEqualTo(wanted.qty());
        assertThat(tp.type()).isEqualTo(wanted.type());
        assertThat(tp.limitPrice()).isEqualTo(wanted.limitPrice());
        assertThat(tp.timeInForce()).isEqualTo(wanted.timeInForce());
        assertThat(tp.status()).isEqualTo(OrderStatus.NEW);
        assertThat(broker.findByClientOrderId(LEG)).hasValueSatisfying(o -> assertThat(o.id()).isEqualTo(leg.id()));
        assertThat(broker.findByClientOrderId(ENTRY)).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
    }

    @Test
    void theLegIsCancelledByItsAlpacaId() {
        Order e = entry();
        fake.fillOrder(e.id(), 500.12);
        Order tp = legs(broker.openOrders()).get(0);
        broker.cancel(tp.id());
        assertThat(fake.orders().stream().filter(FakeOrder::isLeg).findFirst().orElseThrow().status()).isEqualTo("canceled");
        assertThat(broker.findByClientOrderId(LEG)).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));
        assertThat(legs(broker.openOrders())).isEmpty();
        assertThat(fake.positionQty("SPY")).isEqualTo(2); // the position stays
    }

    @Test
    void cancellingTheEntryCancelsItsHeldLeg() {
        Order e = entry();
        broker.cancel(e.id());
        assertThat(broker.findByClientOrderId(LEG)).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void theLegsFillArrivesUnderItsDerivedId() {
        Waits.until("the trade stream listens", () -> broker.tradeUpdates().state() == AlpacaTradeUpdates.State.LISTENING);
        Order e = entry();
        fake.fillOrder(e.id(), 500.12);
        Order tp = legs(broker.openOrders()).get(0);
        fake.fillOrder(tp.id(), 510.46);
        List<Fill> fills = new java.util.ArrayList<>();
        for (int i = 0; i < 20 && fills.size() < 2; i++) {
            fills.addAll(broker.awaitNewFills(Duration.ofSeconds(1)));
        }
        assertThat(fills).extracting(Fill::clientOrderId).containsExactly(ENTRY, LEG);
        assertThat(fills.get(1).side()).isEqualTo(Side.SELL);
        assertThat(fills.get(1).price()).isEqualTo(510.46);
        assertThat(fake.positionQty("SPY")).isZero();
    }

    @Test
    void aLegThisBrokerNeverSawIsStillReportedUnderItsDerivedId() {
        Waits.until("the trade stream listens", () -> broker.tradeUpdates().state() == AlpacaTradeUpdates.State.LISTENING);
        assertThat(broker.takeNewFills()).isEmpty();
        try (AlpacaBroker other = AlpacaFillsTest.open(FakeSetup.client(fake, FakeSetup.time()))) {
            Order e = other.submit(new OrderRequest(SPY, Side.BUY, 2, OrderType.LIMIT, 500.12, TimeInForce.DAY, ENTRY, 510.46));
            fake.fillOrder(e.id(), 500.12);
            fake.fillOrder(fake.orders().stream().filter(FakeOrder::isLeg).findFirst().orElseThrow().id(), 510.46);
        }
        List<Fill> fills = new java.util.ArrayList<>();
        for (int i = 0; i < 20 && fills.size() < 2; i++) {
            fills.addAll(broker.awaitNewFills(Duration.ofSeconds(1)));
        }
        assertThat(fills).extracting(Fill::clientOrderId).containsExactly(ENTRY, LEG);
        assertThat(fills).extracting(Fill::instrument).containsOnly(SPY);
    }

    @Test
    void derivedIdsRoundTrip() {
        assertThat(OtoLegIds.entryOf(LEG)).contains(ENTRY);
        assertThat(OtoLegIds.entryOf(ENTRY + "-xl")).contains(ENTRY);
        assertThat(OtoLegIds.entryOf("sx-20261203-SPY-xs")).isEmpty(); // the engine's own take-profit id
        assertThat(OtoLegIds.entryOf("-x")).isEmpty();
    }
}
