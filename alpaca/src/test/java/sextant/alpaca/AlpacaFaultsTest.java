package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.alpaca.fake.FakeOrder;
import sextant.alpaca.fake.Fault;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/** Every fault the fake can inject: reads are retried, and orders are never duplicated nor lost. */
class AlpacaFaultsTest {
    private static final Duration SLOW = Duration.ofMillis(1000); // > the 500 ms request timeout of FakeSetup
    private FakeAlpacaServer fake;
    private FakeTime time;
    private AlpacaTradingClient client;

    @BeforeEach
    void start() {
        fake = FakeAlpacaServer.start();
        time = FakeSetup.time();
        client = FakeSetup.client(fake, time);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static AlpacaOrderRequest order(String coid) {
        return AlpacaOrderRequest.limit("AAPL", BigDecimal.ONE, Side.BUY, new BigDecimal("100.5"), TimeInForce.DAY, coid);
    }

    private void assertExactlyOne(String coid) {
        assertThat(fake.orders()).filteredOn(o -> o.clientOrderId().equals(coid)).hasSize(1);
    }

    @Test
    void readIsRetriedOn500WithBackOff() {
        fake.serverErrorNext("GET", "/v2/account", 2);
        assertThat(client.account().cash()).isEqualTo(100_000);
        assertThat(fake.requestCount("GET /v2/account")).isEqualTo(3);
        assertThat(time.sleeps).hasSize(2);
        assertThat(time.sleeps.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(250)); // 2nd wait: 500 ms * [0.5, 1)
    }

    @Test
    void readGivesUpAfterBoundedAttempts() {
        fake.serverErrorNext("GET", "/v2/positions", 50);
        assertThatThrownBy(() -> client.positions()).isInstanceOf(AlpacaApiException.class)
                .hasMessageContaining("500").hasMessageContaining("after 5 tries");
        assertThat(fake.requestCount("GET /v2/positions")).isEqualTo(5);
    }

    @Test
    void readTimeoutIsRetried() {
        fake.slowNext("GET", "/v2/clock", 1, SLOW);
        assertThat(client.clock().timestamp()).isNotNull();
        assertThat(fake.requestCount("GET /v2/clock")).isEqualTo(2);
    }

    @Test
    void droppedConnectionOnReadIsRetried() {
        fake.dropNext("GET", "/v2/positions", 1);
        assertThat(client.positions()).isEmpty();
        assertThat(fake.requestCount("GET /v2/positions")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void http429WaitsUntilTheAnnouncedReset() {
        fake.rateLimitNext("GET", "/v2/positions", 1, 3);
        client.positions();
        assertThat(fake.requestCount("GET /v2/positions")).isEqualTo(2);
        // X-Ratelimit-Reset is now + 3 s (whole epoch seconds): the client waited for it, not a blind 250 ms
        assertThat(time.totalSlept()).isGreaterThan(Duration.ofMillis(1500)).isLessThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void http429OnOrderSubmitIsRetriedAfterResetAndCreatesOneOrder() {
        fake.rateLimitNext("POST", "/v2/orders", 1, 2);
        AlpacaOrder o = client.submitOrder(order("rl-1"));
        assertThat(o.clientOrderId()).isEqualTo("rl-1");
        assertThat(fake.requestCount("POST /v2/orders")).isEqualTo(2);
        assertExactlyOne("rl-1");
    }

    @Test
    void remainingZeroHeaderPausesTheClientUntilReset() {
        try (FakeAlpacaServer timed = FakeAlpacaServer.start(time)) {
            timed.rateLimitPerMinute(3);
            AlpacaTradingClient c = FakeSetup.client(timed, time);
            for (int i = 0; i < 10; i++) {
                c.clock();
            }
            assertThat(timed.rateLimitedCount()).isZero(); // the client never overran the server
            assertThat(timed.requestsInAnyMinuteMax()).isLessThanOrEqualTo(3);
            assertThat(time.totalSlept()).isGreaterThan(Duration.ofMinutes(2));
        }
    }

    @Test
    void clientSideLimiterKeepsUnderItsBudget() {
        try (FakeAlpacaServer timed = FakeAlpacaServer.start(time)) {
            AlpacaTradingClient c = AlpacaTradingClient.create(FakeSetup.config(timed).requestsPerMinute(10).build(), time, time, 3);
            for (int i = 0; i < 35; i++) {
                c.clock();
            }
            assertThat(timed.totalRequests()).isEqualTo(35);
            assertThat(timed.requestsInAnyMinuteMax()).isEqualTo(10);
        }
    }

    /**
     * Submits {@code coid} through the fault armed before, and checks what every such fault must end with: the
     * fake saw {@code posts} POSTs and holds exactly one order with that client order id.
     */
    private AlpacaOrder submitThroughFault(String coid, int posts) {
        AlpacaOrder o = client.submitOrder(order(coid));
        assertThat(fake.requestCount("POST /v2/orders")).isEqualTo(posts);
        assertExactlyOne(coid);
        return o;
    }

    @Test
    void submit500BeforeAcceptIsLookedUpThenResubmittedOnce() {
        fake.serverErrorNext("POST", "/v2/orders", 1);
        AlpacaOrder o = submitThroughFault("e500", 2);
        assertThat(o.clientOrderId()).isEqualTo("e500");
        assertThat(fake.requestCount("GET /v2/orders:by_client_order_id")).isEqualTo(1);
    }

    @Test
    void submit500AfterAcceptIsFoundAndNotResubmitted() {
        fake.serverErrorAfterNextOrderAccepted(1);
        AlpacaOrder o = submitThroughFault("a500", 1);
        assertThat(o.id()).isEqualTo(fake.orderByClientOrderId("a500").orElseThrow().id());
    }

    @Test
    void connectionDroppedAfterAcceptIsFoundAndNotResubmitted() {
        fake.dropConnectionAfterNextOrderAccepted(1);
        AlpacaOrder o = submitThroughFault("drop-after", 1);
        assertThat(o.id()).isEqualTo(fake.orderByClientOrderId("drop-after").orElseThrow().id());
    }

    @Test
    void timeoutAfterAcceptIsFoundAndNotResubmitted() {
        fake.slowAfterNextOrderAccepted(1, SLOW);
        AlpacaOrder o = submitThroughFault("slow-after", 1);
        assertThat(o.clientOrderId()).isEqualTo("slow-after");
    }

    @Test
    void connectionDroppedBeforeAcceptIsResubmittedOnce() {
        fake.dropNext("POST", "/v2/orders", 1);
        submitThroughFault("drop-before", 2);
    }

    @Test
    void slowServerThatAcceptsLateStillGivesOneOrder() throws Exception {
        // The first POST is held past the client's timeout; the look-up finds nothing, the client resubmits, and
        // when the held request finally runs, the unique client_order_id stops a second order.
        fake.slowNext("POST", "/v2/orders", 1, SLOW);
        AlpacaOrder o = client.submitOrder(order("slow-before"));
        Thread.sleep(SLOW.toMillis() + 300);
        assertExactlyOne("slow-before");
        assertThat(fake.orderByClientOrderId("slow-before").orElseThrow().id()).isEqualTo(o.id());
        assertThat(fake.requestCount("POST /v2/orders")).isEqualTo(2);
    }

    @Test
    void duplicateClientOrderIdAnswerReturnsTheExistingOrder() {
        AlpacaOrder first = client.submitOrder(order("dup"));
        AlpacaOrder second = client.submitOrder(order("dup"));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(fake.requestCount("POST /v2/orders")).isEqualTo(2);
        assertExactlyOne("dup");
    }

    @Test
    void whenTheLookUpFailsTooNothingIsResubmittedAndTheStateIsReportedUnknown() {
        fake.serverErrorAfterNextOrderAccepted(1);
        fake.serverErrorNext("GET", "/v2/orders:by_client_order_id", 5);
        assertThatThrownBy(() -> client.submitOrder(order("unknown")))
                .isInstanceOf(OrderStateUnknownException.class)
                .hasMessageContaining("unknown").hasMessageContaining("NOT resubmitted")
                .satisfies(e -> assertThat(((OrderStateUnknownException) e).clientOrderId()).isEqualTo("unknown"));
        assertThat(fake.requestCount("POST /v2/orders")).isEqualTo(1);
        // not lost: once the look-up works again, the order is there
        assertThat(client.orderByClientOrderId("unknown")).isPresent();
        assertExactlyOne("unknown");
    }

    @Test
    void everyTryFailingBeforeAcceptEndsWithAConfirmedAbsentOrder() {
        fake.serverErrorNext("POST", "/v2/orders", 5);
        assertThatThrownBy(() -> client.submitOrder(order("never")))
                .isInstanceOf(AlpacaTransportException.class).hasMessageContaining("does not exist");
        assertThat(fake.requestCount("POST /v2/orders")).isEqualTo(5);
        assertThat(fake.orders()).isEmpty();
    }

    @Test
    void cancelWhoseAnswerWasLostSucceedsOnRetry() {
        AlpacaOrder o = client.submitOrder(order("to-cancel"));
        fake.inject(Fault.of("DELETE", "/v2/orders/", Fault.Kind.DROP_AFTER, 1));
        client.cancelOrder(o.id());
        assertThat(fake.orderByClientOrderId("to-cancel").orElseThrow().status()).isEqualTo("canceled");
        assertThat(fake.requestCount("DELETE /v2/orders/")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void brokerSubmitUnderFaultsKeepsTheEngineContract() {
        AlpacaBroker broker = AlpacaBroker.open(client);
        fake.dropConnectionAfterNextOrderAccepted(1);
        Order o = broker.submit(OrderRequest.limit(Instrument.stock("AAPL"), Side.BUY, 2, 100, TimeInForce.DAY, "eng-1"));
        assertThat(broker.findByClientOrderId("eng-1")).get().extracting(Order::id).isEqualTo(o.id());
        assertExactlyOne("eng-1");
    }

    /** Random faults on random orders: every intent ends as exactly one order, and every submit returns it. */
    @RepeatedTest(6)
    void randomFaultsNeverDuplicateNorLoseOrders(RepetitionInfo info) throws Exception {
        Random rnd = new Random(20250102L + info.getCurrentRepetition());
        Fault.Kind[] kinds = {Fault.Kind.SERVER_ERROR, Fault.Kind.SERVER_ERROR_AFTER, Fault.Kind.DROP, Fault.Kind.DROP_AFTER,
                Fault.Kind.RATE_LIMITED, Fault.Kind.SLOW, Fault.Kind.SLOW_AFTER};
        List<String> ids = new ArrayList<>();
        boolean slowUsed = info.getCurrentRepetition() % 2 == 0; // slow faults only in odd repetitions (suite time)
        boolean slowBefore = false;
        for (int i = 0; i < 8; i++) {
            String coid = "r" + info.getCurrentRepetition() + "-" + i;
            ids.add(coid);
            int faults = rnd.nextInt(3);
            for (int f = 0; f < faults; f++) {
                Fault.Kind k = kinds[rnd.nextInt(kinds.length)];
                if (k == Fault.Kind.SLOW || k == Fault.Kind.SLOW_AFTER) {
                    if (slowUsed) {
                        k = Fault.Kind.DROP_AFTER; // one slow fault per repetition keeps the suite fast
                    }
                    slowUsed = true;
                    slowBefore |= k == Fault.Kind.SLOW;
                }
                fake.inject(new Fault("POST", "/v2/orders", k, 1, SLOW, 1));
            }
            if (rnd.nextInt(4) == 0) {
                fake.serverErrorNext("GET", "/v2/orders:by_client_order_id", 1 + rnd.nextInt(3)); // flaky look-ups
            }
            AlpacaOrder o = client.submitOrder(order(coid));
            assertThat(o.clientOrderId()).isEqualTo(coid);
        }
        if (slowBefore) {
            Thread.sleep(SLOW.toMillis() + 300); // let the held request run: it must not create a second order
        }
        List<FakeOrder> all = fake.orders();
        assertThat(all).extracting(FakeOrder::clientOrderId).containsExactlyInAnyOrderElementsOf(ids);
        // (a fault left over when an earlier fault already settled its order hits the next order instead)
        assertThat(fake.requestCount("POST /v2/orders")).isGreaterThanOrEqualTo(ids.size());
    }
}
