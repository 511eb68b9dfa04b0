package sextant.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.core.port.MarketData;
import sextant.core.port.OrderRefusedException;
import sextant.testkit.FixedMarketData;

/**
 * Defect 10: the paper broker follows Alpaca's rules (wash trade, available quantity, no shorts in a cash account)
 * and, by configuration, fills in parts and cancels with a delay, so paper runs expose what Alpaca would.
 */
class PaperAlpacaRulesTest extends PaperBrokerFixture {
    static final Instrument AAA = Instrument.stock("AAA");
    static final LocalDate D4 = D1.plusDays(3);
    // Every bar trades 95..105 around 100.
    final MarketData bars = new FixedMarketData(List.of(D1.minusDays(3), D1, D2, D3), new double[] {100, 100, 100, 100},
            new double[] {105, 105, 105, 105}, new double[] {95, 95, 95, 95}, new double[] {100, 100, 100, 100});

    @Test
    void washTradesShortsInACashAccountAndUnavailableQuantitiesAreRefused() {
        PaperBroker broker = open(bars, new PaperConfig(100_000, 0, 0, 1));
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(AAA, Side.SELL, 5, 101, TimeInForce.DAY, "short")))
                .isInstanceOf(OrderRefusedException.class).hasMessageContaining("cash account cannot sell short");
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 99, TimeInForce.GTC, "entry"));
        today.set(D2); // fills at 99
        broker.submit(OrderRequest.limit(AAA, Side.SELL, 10, 104, TimeInForce.GTC, "tp"));
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(AAA, Side.SELL, 10, 103, TimeInForce.GTC, "tp2")))
                .isInstanceOf(OrderRefusedException.class).hasMessageContaining("insufficient qty available");
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(AAA, Side.BUY, 1, 104.5, TimeInForce.GTC, "cross")))
                .isInstanceOf(OrderRefusedException.class).hasMessageContaining("potential wash trade detected");
        // A buy that cannot meet the resting sell is no wash trade.
        assertThat(broker.submit(OrderRequest.limit(AAA, Side.BUY, 1, 96, TimeInForce.GTC, "below")).status())
                .isEqualTo(OrderStatus.NEW);
    }

    @Test
    void partialFillsAndPendingCancelsWhenConfigured() {
        PaperBroker broker = open(bars, new PaperConfig(100_000, 0, 0, 2, 0, true, true));
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 99, TimeInForce.GTC, "gtc"));
        today.set(D2); // one bar: half of it
        Order o = broker.findByClientOrderId("gtc").orElseThrow();
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.filledQty()).isEqualTo(5);
        assertThat(broker.takeNewFills()).singleElement().satisfies(f -> assertThat(f.qty()).isEqualTo(5));

        broker.cancel(o.id());
        assertThat(broker.findByClientOrderId("gtc").orElseThrow().isOpen()).isTrue(); // pending: still working
        today.set(D3); // the next bar fills more of it before the cancel takes effect
        Order after = broker.findByClientOrderId("gtc").orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(after.filledQty()).isEqualTo(8); // 5, then half of the 5 left rounded up
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.qty()).isEqualTo(8));

        // A short is allowed in a margin account (max-leverage 2).
        assertThat(broker.submit(OrderRequest.limit(Instrument.stock("BBB"), Side.SELL, 1, 101, TimeInForce.DAY, "s"))
                .status()).isEqualTo(OrderStatus.NEW);
        today.set(D4);
    }

    /** Three same-day round trips on D1 (a buy at 99 and a sell at 104 both fill on the 95..105 bar), in three stocks. */
    private void threeDayTrades(PaperBroker broker) {
        for (String sym : java.util.List.of("AAA", "BBB", "CCC")) {
            Instrument i = Instrument.stock(sym);
            broker.submit(OrderRequest.limit(i, Side.BUY, 10, 99, TimeInForce.DAY, sym + "-b"));
            broker.submit(OrderRequest.limit(i, Side.SELL, 10, 104, TimeInForce.DAY, sym + "-s"));
        }
        today.set(D2);
        assertThat(broker.positions()).isEmpty(); // each pair filled on D1: flat again, three day trades
    }

    @Test
    void underTwentyFiveThousandAFourthDayTradeInFiveSessionsIsRefused() {
        PaperBroker broker = open(bars, new PaperConfig(20_000, 0, 0, 2));
        threeDayTrades(broker);
        Instrument ddd = Instrument.stock("DDD");
        assertThat(broker.submit(OrderRequest.limit(ddd, Side.BUY, 10, 99, TimeInForce.DAY, "DDD-b")).status())
                .isEqualTo(OrderStatus.NEW); // alone, it is no round trip
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(ddd, Side.SELL, 10, 104, TimeInForce.DAY, "DDD-s")))
                .isInstanceOf(OrderRefusedException.class)
                .hasMessageContaining("pattern day trading protection")
                .hasMessageContaining("3 day trades were made in the last 5 sessions");
        // A short in another symbol, with nothing open against it, cannot be a day trade: accepted.
        assertThat(broker.submit(OrderRequest.limit(Instrument.stock("EEE"), Side.SELL, 1, 104, TimeInForce.DAY, "EEE-s"))
                .status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void atTwentyFiveThousandOrMoreDayTradesAreNotLimited() {
        PaperBroker broker = open(bars, new PaperConfig(100_000, 0, 0, 2));
        threeDayTrades(broker);
        Instrument ddd = Instrument.stock("DDD");
        broker.submit(OrderRequest.limit(ddd, Side.BUY, 10, 99, TimeInForce.DAY, "DDD-b"));
        assertThat(broker.submit(OrderRequest.limit(ddd, Side.SELL, 10, 104, TimeInForce.DAY, "DDD-s")).status())
                .isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aHardToBorrowStockIsNotSoldShortButALongInItMayBeSold() {
        PaperBroker broker = open(bars, new PaperConfig(100_000, 0, 0, 2, 0, false, false, java.util.Set.of("BBB")));
        Instrument bbb = Instrument.stock("BBB");
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(bbb, Side.SELL, 5, 101, TimeInForce.DAY, "short")))
                .isInstanceOf(OrderRefusedException.class).hasMessageContaining("asset BBB cannot be sold short");
        assertThat(broker.submit(OrderRequest.limit(AAA, Side.SELL, 5, 101, TimeInForce.DAY, "aaa-short")).status())
                .isEqualTo(OrderStatus.NEW); // shortable: allowed in a margin account
        broker.submit(OrderRequest.limit(bbb, Side.BUY, 10, 99, TimeInForce.DAY, "long"));
        today.set(D2);
        assertThat(broker.submit(OrderRequest.limit(bbb, Side.SELL, 10, 104, TimeInForce.DAY, "close")).status())
                .isEqualTo(OrderStatus.NEW);
        assertThatThrownBy(() -> broker.submit(OrderRequest.limit(bbb, Side.SELL, 1, 104, TimeInForce.DAY, "more")))
                .isInstanceOf(OrderRefusedException.class); // beyond the long: a short sale (or over the available qty)
    }
}
