package sextant.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.market.Instrument;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.Position;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.core.port.BrokerException;
import sextant.core.port.MarketData;
import sextant.testkit.FixedMarketData;

class PaperBrokerTest extends SmallAccountFixture {
    static final Instrument AAA = Instrument.stock("AAA");
    static final Instrument COIN = Instrument.crypto("COINUSD");
    // Bars: D1 o=100 h=102 l=98 c=101; D2 o=99 h=100 l=95 c=96; D3 o=97 h=104 l=96.5 c=103.
    final MarketData bars = new FixedMarketData(List.of(D1.minusDays(3), D1, D2, D3), new double[] {100, 100, 99, 97},
            new double[] {101, 102, 100, 104}, new double[] {99, 98, 95, 96.5}, new double[] {100, 101, 96, 103});

    @Override
    MarketData bars() {
        return bars;
    }

    @Test
    void buyLimitFillsOnlyWhenTheBarTradesStrictlyBelowIt() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 98, TimeInForce.GTC, "t-touch"));
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 98.5, TimeInForce.GTC, "t-below"));
        today.set(D2); // settles bar D1: low 98
        assertThat(status("t-touch")).isEqualTo(OrderStatus.NEW);
        Order filled = broker.findByClientOrderId("t-below").orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledAvgPrice()).isEqualTo(98.5);
        assertThat(broker.positions()).singleElement().satisfies(p -> {
            assertThat(p.qty()).isEqualTo(10);
            assertThat(p.marketPrice()).isEqualTo(101);
        });
        assertThat(broker.account().cash()).isCloseTo(10_000 - 985 - 0.985, within(1e-9));
    }

    @Test
    void gapThroughTheLimitFillsAtTheOpenAndDayOrdersExpire() {
        today.set(D2);
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 5, 99.5, TimeInForce.DAY, "gap"));
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 5, 90, TimeInForce.DAY, "never"));
        today.set(D3); // settles D2: open 99 below 99.5 -> fills at the open
        assertThat(broker.findByClientOrderId("gap").orElseThrow().filledAvgPrice()).isEqualTo(99);
        assertThat(status("never")).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void sameClientOrderIdNeverCreatesASecondOrder() {
        Order a = broker.submit(OrderRequest.limit(AAA, Side.BUY, 1, 50, TimeInForce.GTC, "dup"));
        Order b = broker.submit(OrderRequest.limit(AAA, Side.BUY, 1, 50, TimeInForce.GTC, "dup"));
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(broker.openOrders()).hasSize(1);
    }

    @Test
    void stateSurvivesReopeningAndFillsAreReportedOnce() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 99, TimeInForce.GTC, "keep"));
        today.set(D2);
        List<Fill> fills = broker.takeNewFills();
        assertThat(fills).singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(99));
        assertThat(broker.takeNewFills()).isEmpty();
        PaperBroker reopened = open(bars, SMALL_ACCOUNT); // closes the state database and opens it again
        assertThat(reopened.positions()).extracting(Position::qty).containsExactly(10.0);
        assertThat(reopened.account().cash()).isCloseTo(10_000 - 990 - 0.99, within(1e-9));
        // Selling above the D2 high does not fill; at D3 the high 104 crosses 103.5.
        reopened.submit(OrderRequest.limit(AAA, Side.SELL, 10, 103.5, TimeInForce.GTC, "tp"));
        today.set(D3.plusDays(1));
        assertThat(reopened.positions()).isEmpty();
        assertThat(reopened.account().equity()).isCloseTo(10_000 - 990 - 0.99 + 1035 - 1.035, within(1e-9));
    }

    @Test
    void cryptoCannotBeSoldShortAndCancelledOrdersNeverFill() {
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(COIN, Side.SELL, 1, 100, TimeInForce.GTC, "short")))
                .isInstanceOf(BrokerException.class).hasMessageContaining("COINUSD: crypto cannot be sold short");
        Order o = broker.submit(OrderRequest.limit(AAA, Side.BUY, 1, 99.9, TimeInForce.GTC, "cx"));
        broker.cancel(o.id());
        today.set(D3);
        assertThat(status("cx")).isEqualTo(OrderStatus.CANCELED);
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void ordersBeyondBuyingPowerAreRefusedButReducingOrdersAlwaysPass() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 60, 100, TimeInForce.GTC, "big"));
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(AAA, Side.BUY, 41, 100, TimeInForce.GTC, "too-big")))
                .isInstanceOf(BrokerException.class)
                .hasMessage("AAA: insufficient buying power: order needs 4100.00, 4000.00 available after open orders");
        today.set(D2); // "big" fills at 100 on D1 (low 98)
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.qty()).isEqualTo(60));
        broker.submit(OrderRequest.limit(AAA, Side.SELL, 60, 101, TimeInForce.GTC, "exit"));
        assertThat(broker.findByClientOrderId("exit")).isPresent();
        // The open exit does not hold buying power: a new entry may use the cash that is left.
        broker.submit(OrderRequest.limit(COIN, Side.BUY, 39, 100, TimeInForce.GTC, "other"));
        assertThat(broker.findByClientOrderId("other")).isPresent();
    }

    @Test
    void aCycleDatedBeforeWhatTheAccountSettledIsRefused() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 1, 90, TimeInForce.GTC, "resting")); // something to settle
        today.set(D3);
        assertThat(broker.positions()).isEmpty();
        today.set(D1);
        assertThatThrownBy(() -> broker.account()).isInstanceOf(BrokerException.class)
                .hasMessageContaining("already settled bars through " + D2);
    }

    private OrderStatus status(String clientId) {
        return broker.findByClientOrderId(clientId).orElseThrow().status();
    }
}
