package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.alpaca.fake.FakeOrder;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.Position;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

class AlpacaBrokerTest {
    private FakeAlpacaServer fake;
    private FakeTime time;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        fake = FakeAlpacaServer.start();
        time = FakeSetup.time();
        broker = AlpacaBroker.open(FakeSetup.client(fake, time));
    }

    @AfterEach
    void stop() {
        broker.close();
        fake.close();
    }

    @Test
    void wrongKeysFailAtOpenBeforeAnyOrder() {
        AlpacaConfig bad = AlpacaConfig.builder().keys("PKWRONGKEY0001", "wrong-secret-value").tradingUrl(fake.baseUrl())
                .dataUrl(fake.dataUrl()).build();
        int before = fake.totalRequests();
        assertThatThrownBy(() -> AlpacaBroker.open(AlpacaTradingClient.create(bad, time, time, 1)))
                .isInstanceOf(AlpacaAuthException.class)
                .hasMessageContaining("401").hasMessageContaining("APCA_API_KEY_ID").hasMessageContaining("GET /v2/account");
        assertThat(fake.totalRequests() - before).isEqualTo(1); // one cheap call, not retried
        assertThat(fake.requestCount("POST")).isZero();
        assertThat(fake.orders()).isEmpty();
    }

    @Test
    void missingKeysFailBeforeAnyRequest() {
        assertThatThrownBy(() -> AlpacaSession.open(AlpacaConfig.fromEnv(java.util.Map.of("APCA_API_BASE_URL", fake.baseUrl()))))
                .isInstanceOf(AlpacaConfigException.class).hasMessageContaining("APCA_API_KEY_ID");
        assertThat(fake.totalRequests()).isEqualTo(1); // only the open() in @BeforeEach
    }

    @Test
    void accountPositionsClockCalendarAssets() {
        assertThat(broker.name()).isEqualTo("alpaca-paper");
        assertThat(broker.account().cash()).isEqualTo(100_000);
        fake.setPosition("BTC/USD", 0.5, 30_000);
        fake.setPosition("AAPL", -10, 150);
        List<Position> ps = broker.positions();
        assertThat(ps).extracting(Position::instrument).containsExactlyInAnyOrder(Instrument.crypto("BTCUSD"), Instrument.stock("AAPL"));
        assertThat(ps).filteredOn(p -> p.instrument().symbol().equals("AAPL")).singleElement()
                .satisfies(p -> assertThat(p.qty()).isEqualTo(-10));
        AlpacaClock clock = broker.client().clock();
        assertThat(clock.nextOpen()).isNotNull();
        assertThat(broker.client().calendar(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 12))).hasSize(5);
        AlpacaAsset btc = broker.client().asset(Instrument.crypto("BTCUSD")).orElseThrow();
        assertThat(btc.isCrypto()).isTrue();
        assertThat(btc.priceIncrement()).isEqualTo(1.0);
        assertThat(btc.minOrderSize()).isEqualTo(0.0001);
        assertThat(broker.client().assets("crypto")).isNotEmpty().allMatch(AlpacaAsset::isCrypto);
        fake.unknownAsset("NOPE");
        assertThat(broker.client().asset(Instrument.stock("NOPE"))).isEmpty();
    }

    @Test
    void limitOrderRoundTripWithClientOrderIdAndFill() {
        Order o = broker.submit(OrderRequest.limit(Instrument.stock("AAPL"), Side.BUY, 3, 101.237, TimeInForce.DAY, "2025-01-02-AAPL-b"));
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
        assertThat(o.limitPrice()).isEqualTo(101.23);
        assertThat(o.clientOrderId()).isEqualTo("2025-01-02-AAPL-b");
        assertThat(broker.openOrders()).extracting(Order::id).containsExactly(o.id());
        fake.fillOrder(o.id(), 101.2);
        Order filled = broker.findByClientOrderId("2025-01-02-AAPL-b").orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledQty()).isEqualTo(3);
        assertThat(filled.filledAvgPrice()).isEqualTo(101.2);
        assertThat(fake.positionQty("AAPL")).isEqualTo(3);
        assertThat(broker.openOrders()).isEmpty();
        assertThat(broker.client().orders("closed", 10)).extracting(AlpacaOrder::id).containsExactly(o.id());
        assertThat(fake.ordersWithoutClientOrderId()).isZero();
    }

    @Test
    void sameClientOrderIdTwiceReturnsTheExistingOrder() {
        OrderRequest r = OrderRequest.limit(Instrument.stock("MSFT"), Side.BUY, 1, 400, TimeInForce.GTC, "intent-1");
        Order a = broker.submit(r);
        Order b = broker.submit(r);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(fake.orders()).hasSize(1);
    }

    @Test
    void cryptoBuyThenSellButNeverShort() {
        Instrument btc = Instrument.crypto("BTCUSD");
        Order buy = broker.submit(OrderRequest.market(btc, Side.BUY, 0.01, TimeInForce.DAY, "btc-buy"));
        assertThat(buy.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(buy.timeInForce()).isEqualTo(TimeInForce.GTC); // day mapped to gtc for crypto
        assertThat(buy.instrument()).isEqualTo(btc);
        FakeOrder wire = fake.orderByClientOrderId("btc-buy").orElseThrow();
        assertThat(wire.symbol()).isEqualTo("BTC/USD");
        int posts = fake.requestCount("POST /v2/orders");
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(btc, Side.SELL, 0.02, 70_000, TimeInForce.GTC, "btc-short")))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("BTCUSD").hasMessageContaining("short");
        assertThat(fake.requestCount("POST /v2/orders")).isEqualTo(posts); // nothing sent
        Order sell = broker.submit(OrderRequest.limit(btc, Side.SELL, 0.01, 70_000.7, TimeInForce.GTC, "btc-sell"));
        assertThat(sell.limitPrice()).isEqualTo(70_001); // BTC/USD price_increment 1, sell rounds up
        // the same sell intent again: the position is now reserved, but the known client order id wins
        assertThat(broker.submit(OrderRequest.limit(btc, Side.SELL, 0.01, 70_000.7, TimeInForce.GTC, "btc-sell")).id())
                .isEqualTo(sell.id());
        assertThat(fake.orders()).hasSize(2);
    }

    @Test
    void stockBracketGoesOutAsOtoWithATakeProfitLeg() {
        OrderRequest r = new OrderRequest(Instrument.stock("SPY"), Side.BUY, 2, OrderType.LIMIT, 500.123, TimeInForce.DAY,
                "spy-entry", 510.456);
        Order o = broker.submit(r);
        FakeOrder f = fake.orderByClientOrderId("spy-entry").orElseThrow();
        assertThat(f.orderClass()).isEqualTo("oto");
        assertThat(f.takeProfit()).isEqualTo(510.46);
        assertThat(f.limitPrice()).isEqualTo(500.12);
        AlpacaOrder nested = broker.client().order(o.id());
        assertThat(nested.legs()).singleElement().satisfies(l -> assertThat(l.side()).isEqualTo("sell"));
    }

    @Test
    void cancelReplaceAndClosePosition() {
        Order o = broker.submit(OrderRequest.limit(Instrument.stock("AAPL"), Side.BUY, 2, 100, TimeInForce.GTC, "c1"));
        AlpacaOrder replaced = broker.client().replaceOrder(o.id(),
                new AlpacaReplaceRequest(null, new BigDecimal("99.5"), null, null, "c1-r1"));
        assertThat(replaced.limitPrice()).isEqualTo(99.5);
        assertThat(replaced.clientOrderId()).isEqualTo("c1-r1");
        assertThat(broker.client().order(o.id()).status()).isEqualTo("replaced");
        broker.cancel(replaced.id());
        assertThat(broker.findByClientOrderId("c1-r1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        broker.cancel(replaced.id()); // cancelling twice is fine
        fake.setPosition("AAPL", 5, 90);
        Order close = broker.closePosition(Instrument.stock("AAPL"));
        assertThat(close.side()).isEqualTo(Side.SELL);
        assertThat(close.qty()).isEqualTo(5);
        assertThat(fake.positionQty("AAPL")).isZero();
        Order filled = broker.submit(OrderRequest.market(Instrument.stock("AAPL"), Side.BUY, 1, TimeInForce.DAY, "m1"));
        assertThatThrownBy(() -> broker.cancel(filled.id())).hasMessageContaining("filled");
    }

    @Test
    void rejectionsNameTheSymbolAndReason() {
        fake.setCash(10);
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(Instrument.stock("AAPL"), Side.BUY, 10, 100, TimeInForce.DAY, "x")))
                .isInstanceOf(AlpacaApiException.class).hasMessageContaining("AAPL").hasMessageContaining("403")
                .hasMessageContaining("insufficient buying power");
        fake.unknownAsset("ZZZZ");
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(Instrument.stock("ZZZZ"), Side.BUY, 1, 1, TimeInForce.DAY, "y")))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("ZZZZ");
        assertThat(fake.orders()).isEmpty();
    }
}
