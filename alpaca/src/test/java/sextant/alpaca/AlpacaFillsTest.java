package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.core.market.Instrument;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/**
 * Fills as they happen: the broker against the fake Alpaca's trade stream, with the stream dropped, refused and
 * reconnected, checking that every execution reaches takeNewFills exactly once.
 */
class AlpacaFillsTest {
    private static final String ACTIVITIES = "GET /v2/account/activities/FILL";
    private static final Instrument BTC = Instrument.crypto("BTCUSD");
    private static final Instrument AAPL = Instrument.stock("AAPL");
    private FakeAlpacaServer fake;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        fake = FakeAlpacaServer.start();
        FakeTime time = FakeSetup.time();
        broker = open(FakeSetup.client(fake, time));
    }

    /** A broker whose stream reconnects within a fraction of a second and which polls on every call while it is down. */
    static AlpacaBroker open(AlpacaTradingClient client) {
        return AlpacaBroker.open(client, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        broker.close();
        fake.close();
    }

    private void listening() {
        Waits.until("the trade stream listens", () -> broker.tradeUpdates().state() == AlpacaTradeUpdates.State.LISTENING);
    }

    private Order restingBuy(Instrument in, double qty, double limit, String id) {
        return broker.submit(OrderRequest.limit(in, Side.BUY, qty, limit, in.isCrypto() ? TimeInForce.GTC : TimeInForce.DAY, id));
    }

    /** Fills gathered over several calls until {@code n} have arrived (or the wait ends). */
    private List<Fill> awaitFills(int n) {
        List<Fill> all = new ArrayList<>();
        for (int i = 0; i < 20 && all.size() < n; i++) {
            all.addAll(broker.awaitNewFills(Duration.ofSeconds(1)));
        }
        return all;
    }

    @Test
    void aStreamedFillIsDeliveredOnceAndWithoutPolling() {
        listening();
        assertThat(broker.takeNewFills()).isEmpty(); // covers the moments before the stream listened (one poll)
        int polls = fake.requestCount(ACTIVITIES);
        Order o = restingBuy(BTC, 0.01, 50_000, "stream-1");
        fake.fillOrder(o.id(), 49_990);
        List<Fill> fills = awaitFills(1);
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.orderId()).isEqualTo(o.id());
            assertThat(f.clientOrderId()).isEqualTo("stream-1");
            assertThat(f.instrument()).isEqualTo(BTC);
            assertThat(f.side()).isEqualTo(Side.BUY);
            assertThat(f.qty()).isEqualTo(0.01);
            assertThat(f.price()).isEqualTo(49_990);
        });
        assertThat(broker.takeNewFills()).isEmpty();
        assertThat(broker.awaitNewFills(Duration.ofMillis(100))).isEmpty();
        assertThat(fake.requestCount(ACTIVITIES)).as("the stream delivered it: no poll").isEqualTo(polls);
    }

    @Test
    void partialFillsArriveAsSeparateFills() {
        listening();
        Order o = restingBuy(AAPL, 10, 100, "partial-1");
        fake.fillOrderPart(o.id(), 4, 99.5);
        fake.fillOrderPart(o.id(), 6, 99.8);
        List<Fill> fills = awaitFills(2);
        assertThat(fills).extracting(Fill::qty).containsExactly(4.0, 6.0);
        assertThat(fills).extracting(Fill::price).containsExactly(99.5, 99.8);
        assertThat(broker.takeNewFills()).isEmpty();
    }

    @Test
    void withTheStreamDownPollingDeliversEachFillOnce() {
        listening();
        fake.streamAvailable(false);
        Waits.until("the broker sees the stream down", () -> broker.tradeUpdates().state() != AlpacaTradeUpdates.State.LISTENING);
        Order a = restingBuy(AAPL, 3, 100, "down-a");
        Order b = restingBuy(BTC, 0.02, 50_000, "down-b");
        fake.fillOrderPart(a.id(), 1, 99.9);
        fake.fillOrder(b.id(), 49_000);
        int polls = fake.requestCount(ACTIVITIES);
        List<Fill> first = broker.takeNewFills();
        assertThat(first).extracting(Fill::clientOrderId).containsExactly("down-a", "down-b");
        assertThat(first).extracting(Fill::qty).containsExactly(1.0, 0.02);
        assertThat(fake.requestCount(ACTIVITIES)).as("polled").isGreaterThan(polls);
        // the next poll overlaps the first: nothing comes twice
        assertThat(broker.takeNewFills()).isEmpty();
        fake.fillOrder(a.id(), 100);
        assertThat(broker.takeNewFills()).singleElement().satisfies(f -> {
            assertThat(f.clientOrderId()).isEqualTo("down-a");
            assertThat(f.qty()).isEqualTo(2);
        });
        assertThat(broker.awaitNewFills(Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void aReconnectNeitherDuplicatesNorLosesFills() {
        listening();
        Order a = restingBuy(BTC, 0.01, 50_000, "re-a");
        fake.fillOrder(a.id(), 49_500);
        assertThat(awaitFills(1)).extracting(Fill::clientOrderId).containsExactly("re-a");
        int handshakes = fake.streamStats().handshakes();
        // The stream goes away; a fill happens while it is gone; it comes back and redelivers what it sent before.
        fake.replayStreamOnListen(true);
        fake.streamAvailable(false);
        Waits.until("the broker sees the stream down", () -> broker.tradeUpdates().state() != AlpacaTradeUpdates.State.LISTENING);
        Order b = restingBuy(AAPL, 2, 100, "re-b");
        fake.fillOrder(b.id(), 99);
        fake.streamAvailable(true);
        Waits.until("the stream reconnects", () -> fake.streamStats().handshakes() > handshakes
                && broker.tradeUpdates().state() == AlpacaTradeUpdates.State.LISTENING);
        Order c = restingBuy(AAPL, 1, 101, "re-c");
        fake.fillOrder(c.id(), 100.5);
        List<Fill> fills = awaitFills(2);
        fills.addAll(broker.awaitNewFills(Duration.ofMillis(200)));
        assertThat(fills).extracting(Fill::clientOrderId).containsExactlyInAnyOrder("re-b", "re-c");
        assertThat(broker.takeNewFills()).isEmpty();
    }

    @Test
    void aFillAlreadyShownInAnOrderIsNotReportedAgain() {
        listening();
        assertThat(broker.takeNewFills()).isEmpty();
        // A market order fills on arrival: the order returned says so, and the engine books it from there.
        Order m = broker.submit(OrderRequest.market(AAPL, Side.BUY, 2, TimeInForce.DAY, "shown-1"));
        assertThat(m.filledQty()).isEqualTo(2);
        Order r = restingBuy(AAPL, 1, 100, "shown-2");
        fake.fillOrder(r.id(), 99);
        assertThat(awaitFills(1)).extracting(Fill::clientOrderId).containsExactly("shown-2");
        assertThat(broker.takeNewFills()).isEmpty();
    }

    @Test
    void fillsBeforeOpenAreLeftToTheOrdersFilledQuantity() {
        listening();
        Order early = restingBuy(AAPL, 1, 100, "early-1");
        fake.fillOrder(early.id(), 99);
        try (AlpacaBroker later = open(FakeSetup.client(fake, FakeSetup.time()))) {
            // opened after the fill: the engine books it from the order's filled quantity instead
            assertThat(later.takeNewFills()).isEmpty();
            assertThat(later.findByClientOrderId("early-1")).hasValueSatisfying(o -> assertThat(o.filledQty()).isEqualTo(1));
        }
        // the broker that was open when it filled reports it, once
        assertThat(awaitFills(1)).extracting(Fill::clientOrderId).containsExactly("early-1");
        assertThat(broker.takeNewFills()).isEmpty();
    }
}
