package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.core.market.Instrument;
import sextant.core.order.OrderRequest;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/** Defect 9: Alpaca's account rules are checked before sending, each refusal naming its rule; nothing is sent. */
class AccountRulesTest {
    static final Instrument AAPL = Instrument.stock("AAPL");
    static final Instrument BTC = Instrument.crypto("BTCUSD");
    private FakeAlpacaServer fake;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        fake = FakeAlpacaServer.start();
        fake.setPrice("AAPL", 100);
        fake.setPrice("BTCUSD", 50_000);
        broker = AlpacaBroker.open(FakeSetup.client(fake, FakeSetup.time()));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private OrderRequest shortSale(String id) {
        return OrderRequest.limit(AAPL, Side.SELL, 5, 101, TimeInForce.DAY, id);
    }

    @Test
    void aCashAccountCannotSellShort() {
        fake.margin("1", true);
        broker.account();
        assertThatThrownBy(() -> broker.submit(shortSale("sx-1"))).isInstanceOf(OrderRuleException.class)
                .hasMessageContaining("AAPL").hasMessageContaining("cash account cannot sell short");
        assertThat(fake.requestCount("POST /v2/orders")).isZero();
    }

    @Test
    void shortingMustBeEnabledAndTheAssetEasyToBorrow() {
        fake.margin("2", false);
        broker.account();
        assertThatThrownBy(() -> broker.submit(shortSale("sx-2"))).hasMessageContaining("shorting_enabled false");
        fake.margin("2", true);
        fake.hardToBorrow("AAPL");
        broker.account();
        AlpacaBroker fresh = AlpacaBroker.open(FakeSetup.client(fake, FakeSetup.time()));
        assertThatThrownBy(() -> fresh.submit(shortSale("sx-3"))).hasMessageContaining("hard to borrow");
        assertThat(fake.requestCount("POST /v2/orders")).isZero();
        // Selling what is held is no short sale: allowed in any account.
        fake.margin("1", false);
        fake.setPosition("AAPL", 5, 90);
        AlpacaBroker cash = AlpacaBroker.open(FakeSetup.client(fake, FakeSetup.time()));
        cash.account();
        assertThat(cash.submit(shortSale("sx-4")).clientOrderId()).isEqualTo("sx-4");
    }

    @Test
    void thePatternDayTraderRuleBlocksClosingTodaysPositionUnder25k() {
        fake.setCash(20_000);
        fake.daytradeCount(3);
        broker.account();
        broker.submit(OrderRequest.market(AAPL, Side.BUY, 10, TimeInForce.DAY, "sx-open")); // fills at once
        assertThat(fake.positionQty("AAPL")).isEqualTo(10);
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(AAPL, Side.SELL, 10, 99, TimeInForce.DAY, "sx-close")))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("pattern-day-trader rule")
                .hasMessageContaining("day trade 4");
        assertThat(fake.orderByClientOrderId("sx-close")).isEmpty();
    }

    @Test
    void cryptoIsSizedFromNonMarginableBuyingPower() {
        fake.setCash(6_000);
        broker.account();
        broker.submit(OrderRequest.limit(BTC, Side.BUY, 0.1, 49_000, TimeInForce.GTC, "sx-btc-1"));
        // 4,900 of the 6,000 is now held by the first order: a second 4,900 does not fit.
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(BTC, Side.BUY, 0.1, 49_000, TimeInForce.GTC, "sx-btc-2")))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("non-marginable buying power");
        assertThat(fake.orderByClientOrderId("sx-btc-2")).isEmpty();
    }
}
