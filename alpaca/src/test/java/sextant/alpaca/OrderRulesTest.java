package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import sextant.core.market.Instrument;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

class OrderRulesTest {
    private static final AlpacaAsset STOCK = new AlpacaAsset("AAPL", "us_equity", "active", true, true, true, Double.NaN,
            Double.NaN, Double.NaN, true);
    private static final AlpacaAsset WHOLE_ONLY = new AlpacaAsset("XYZ", "us_equity", "active", true, false, true, Double.NaN,
            Double.NaN, Double.NaN, true);
    private static final AlpacaAsset BTC = new AlpacaAsset("BTC/USD", "crypto", "active", true, true, false, 0.0001, 1e-9, 1.0, false);
    private static final AlpacaAsset DOGE = new AlpacaAsset("DOGE/USD", "crypto", "active", true, true, false, 1, 1, 0.000001, false);

    private static OrderRequest limit(Instrument in, Side side, double qty, double px, TimeInForce tif) {
        return OrderRequest.limit(in, side, qty, px, tif, "cid-1");
    }

    @Test
    void stockPricesUseCentsAboveADollarAndFourDecimalsBelow() {
        Instrument a = Instrument.stock("AAPL");
        assertThat(OrderRules.toAlpaca(limit(a, Side.BUY, 1, 187.129, TimeInForce.DAY), STOCK, 0).limitPrice())
                .isEqualByComparingTo("187.12");
        assertThat(OrderRules.toAlpaca(limit(a, Side.SELL, 1, 187.121, TimeInForce.DAY), STOCK, 0).limitPrice())
                .isEqualByComparingTo("187.13");
        // sub-dollar: not rounded to cents (W-22)
        assertThat(OrderRules.toAlpaca(limit(a, Side.BUY, 100, 0.123456, TimeInForce.DAY), STOCK, 0).limitPrice())
                .isEqualByComparingTo("0.1234");
        // binary noise does not move an exact price
        assertThat(OrderRules.toAlpaca(limit(a, Side.SELL, 1, 100.1, TimeInForce.DAY), STOCK, 0).limitPrice())
                .isEqualByComparingTo("100.1");
    }

    @Test
    void cryptoPricesUseTheAssetIncrement() {
        Instrument btc = Instrument.crypto("BTCUSD");
        AlpacaOrderRequest r = OrderRules.toAlpaca(limit(btc, Side.BUY, 0.01234, 60123.87, TimeInForce.GTC), BTC, 0);
        assertThat(r.limitPrice()).isEqualByComparingTo("60123");
        assertThat(r.symbol()).isEqualTo("BTC/USD");
        AlpacaOrderRequest d = OrderRules.toAlpaca(limit(Instrument.crypto("DOGEUSD"), Side.BUY, 10, 0.08123456, TimeInForce.GTC),
                DOGE, 0);
        assertThat(d.limitPrice()).isEqualByComparingTo("0.081234");
    }

    @RepeatedTest(50)
    void roundingNeverMakesALimitMoreAggressiveAndStaysOnTheGrid(RepetitionInfo info) {
        Random rnd = new Random(1000 + info.getCurrentRepetition());
        double price = Math.exp(rnd.nextDouble() * 14 - 4); // 0.018 .. 22000
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        AlpacaAsset asset = rnd.nextBoolean() ? STOCK : DOGE;
        BigDecimal p = PriceIncrements.round(asset, price, side);
        BigDecimal inc = PriceIncrements.increment(asset, price);
        assertThat(p.remainder(inc).signum()).as("on grid %s for %s", inc, price).isZero();
        if (side == Side.BUY) {
            assertThat(p.doubleValue()).isLessThanOrEqualTo(price + 1e-9);
        } else {
            assertThat(p.doubleValue()).isGreaterThanOrEqualTo(price - 1e-9);
        }
        assertThat(Math.abs(p.doubleValue() - price)).isLessThan(inc.doubleValue() + 1e-9);
    }

    @Test
    void cryptoCannotBeShortedNorBracketedAndDayBecomesGtc() {
        Instrument btc = Instrument.crypto("BTCUSD");
        assertThatThrownBy(() -> OrderRules.toAlpaca(limit(btc, Side.SELL, 0.5, 60000, TimeInForce.GTC), BTC, 0.2))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("BTCUSD").hasMessageContaining("short");
        OrderRequest bracket = new OrderRequest(btc, Side.BUY, 0.1, OrderType.LIMIT, 60000, TimeInForce.GTC, "c", 61000);
        assertThatThrownBy(() -> OrderRules.toAlpaca(bracket, BTC, 0)).isInstanceOf(OrderRuleException.class)
                .hasMessageContaining("BTCUSD").hasMessageContaining("bracket");
        assertThat(OrderRules.toAlpaca(limit(btc, Side.SELL, 0.2, 60000, TimeInForce.DAY), BTC, 0.2).timeInForce())
                .isEqualTo(TimeInForce.GTC);
        assertThat(OrderRules.toAlpaca(limit(btc, Side.BUY, 0.2, 60000, TimeInForce.IOC), BTC, 0).timeInForce())
                .isEqualTo(TimeInForce.IOC);
        assertThatThrownBy(() -> OrderRules.toAlpaca(limit(btc, Side.BUY, 0.00001, 60000, TimeInForce.GTC), BTC, 0))
                .hasMessageContaining("minimum order size");
    }

    @Test
    void stockFractionalOnlyWithDayAndOnlyIfFractionable() {
        Instrument a = Instrument.stock("AAPL");
        assertThat(OrderRules.toAlpaca(limit(a, Side.BUY, 1.5, 100, TimeInForce.DAY), STOCK, 0).qty()).isEqualByComparingTo("1.5");
        assertThatThrownBy(() -> OrderRules.toAlpaca(limit(a, Side.BUY, 1.5, 100, TimeInForce.GTC), STOCK, 0))
                .isInstanceOf(OrderRuleException.class).hasMessageContaining("AAPL").hasMessageContaining("day");
        assertThatThrownBy(() -> OrderRules.toAlpaca(limit(Instrument.stock("XYZ"), Side.BUY, 1.5, 100, TimeInForce.DAY),
                WHOLE_ONLY, 0)).hasMessageContaining("XYZ").hasMessageContaining("not fractionable");
        // stocks may be shorted: the crypto rule does not apply
        assertThat(OrderRules.toAlpaca(limit(a, Side.SELL, 5, 100, TimeInForce.GTC), STOCK, 0).side()).isEqualTo(Side.SELL);
    }

    @Test
    void stockTakeProfitBecomesAnOtoLegOnTheProfitSide() {
        Instrument a = Instrument.stock("AAPL");
        OrderRequest r = new OrderRequest(a, Side.BUY, 3, OrderType.LIMIT, 100.004, TimeInForce.DAY, "cid", 104.996);
        AlpacaOrderRequest w = OrderRules.toAlpaca(r, STOCK, 0);
        assertThat(w.orderClass()).isEqualTo("oto");
        assertThat(w.limitPrice()).isEqualByComparingTo("100");
        assertThat(w.takeProfitLimit()).isEqualByComparingTo("105"); // a sell leg rounds up
        OrderRequest wrong = new OrderRequest(a, Side.BUY, 3, OrderType.LIMIT, 100, TimeInForce.DAY, "cid", 99);
        assertThatThrownBy(() -> OrderRules.toAlpaca(wrong, STOCK, 0)).hasMessageContaining("take-profit");
        OrderRequest ioc = new OrderRequest(a, Side.BUY, 3, OrderType.LIMIT, 100, TimeInForce.IOC, "cid", 105);
        assertThatThrownBy(() -> OrderRules.toAlpaca(ioc, STOCK, 0)).hasMessageContaining("ioc");
    }

    @Test
    void stopLimitThroughThePortIsRefusedClearly() {
        OrderRequest r = new OrderRequest(Instrument.stock("AAPL"), Side.BUY, 1, OrderType.STOP_LIMIT, 100, TimeInForce.DAY, "c",
                Double.NaN);
        assertThatThrownBy(() -> OrderRules.toAlpaca(r, STOCK, 0)).hasMessageContaining("AAPL").hasMessageContaining("stop");
    }

    @Test
    void aStockStopGoesOutAsStopMarketWithItsStopPriceAndCryptoStopsAreRefused() throws Exception {
        AlpacaOrderRequest r = OrderRules.toAlpaca(OrderRequest.stop(Instrument.stock("AAPL"), Side.SELL, 2, 95.004,
                TimeInForce.GTC, "sl"), STOCK, 0);
        assertThat(r.type()).isEqualTo(OrderType.STOP);
        assertThat(r.stopPrice()).isEqualByComparingTo("95.01"); // toward the market: it never triggers later than asked
        assertThat(r.limitPrice()).isNull();
        assertThat(r.toJson(new com.fasterxml.jackson.databind.ObjectMapper())).contains("\"type\":\"stop\"")
                .contains("\"stop_price\":\"95.01\"").doesNotContain("limit_price");
        // Alpaca's report of it comes back as a STOP with its stop price.
        sextant.core.order.Order back = AlpacaOrder.from(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"id\":"
                + "\"o1\",\"client_order_id\":\"sl\",\"symbol\":\"AAPL\",\"asset_class\":\"us_equity\",\"side\":"
                + "\"sell\",\"type\":\"stop\",\"time_in_force\":\"gtc\",\"qty\":\"2\",\"stop_price\":\"95.01\","
                + "\"status\":\"new\",\"filled_qty\":\"0\",\"submitted_at\":\"2025-03-03T15:00:00Z\"}")).toOrder();
        assertThat(back.type()).isEqualTo(OrderType.STOP);
        assertThat(back.limitPrice()).isEqualTo(95.01);
        assertThatThrownBy(() -> OrderRules.toAlpaca(OrderRequest.stop(Instrument.crypto("BTCUSD"), Side.SELL, 0.01, 50_000,
                TimeInForce.GTC, "sl"), BTC, 1)).hasMessageContaining("BTCUSD").hasMessageContaining("no stop-market");
    }

    @Test
    void wireRequestValidatesBracketShape() {
        assertThatThrownBy(() -> new AlpacaOrderRequest("AAPL", BigDecimal.ONE, Side.BUY, OrderType.LIMIT, TimeInForce.DAY,
                BigDecimal.TEN, null, "c", "bracket", BigDecimal.valueOf(11), null, null)).hasMessageContaining("stop_loss");
        assertThatThrownBy(() -> AlpacaOrderRequest.limit("AAPL", BigDecimal.ONE, Side.BUY, BigDecimal.TEN, TimeInForce.DAY, ""))
                .hasMessageContaining("client_order_id");
        AlpacaOrderRequest b = AlpacaOrderRequest.limit("AAPL", BigDecimal.ONE, Side.BUY, BigDecimal.TEN, TimeInForce.DAY, "c")
                .withExits(BigDecimal.valueOf(12), BigDecimal.valueOf(9), BigDecimal.valueOf(8.9));
        String json = b.toJson(new com.fasterxml.jackson.databind.ObjectMapper());
        assertThat(json).contains("\"order_class\":\"bracket\"").contains("\"take_profit\":{\"limit_price\":\"12\"}")
                .contains("\"stop_loss\":{\"stop_price\":\"9\",\"limit_price\":\"8.9\"}").contains("\"qty\":\"1\"")
                .contains("\"client_order_id\":\"c\"");
    }
}
