package sextant.alpaca;

import java.math.BigDecimal;
import java.util.Objects;
import sextant.core.market.Instrument;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/**
 * Turns an engine {@link OrderRequest} into an Alpaca order that Alpaca will accept (landscape §5C), or refuses it
 * with a message naming the symbol and the rule:
 * <ul>
 *   <li>crypto: no short sells (a sell may not exceed the position available), no brackets, no stop-market orders
 *       (Alpaca's crypto orders are market, limit and stop_limit), time in force gtc or ioc ({@code day} becomes
 *       {@code gtc}, since crypto trades around the clock);</li>
 *   <li>stocks: day, gtc or ioc; fractional quantities only with day and only for fractionable assets;
 *       brackets with day or gtc and whole shares;</li>
 *   <li>prices on the asset's price grid ({@link PriceIncrements}); crypto quantities floored to
 *       {@code min_trade_increment} and at least {@code min_order_size}.</li>
 * </ul>
 */
final class OrderRules {
    private OrderRules() {
    }

    /**
     * @param shortableQty for a crypto sell: the position quantity available to sell (0 when flat); ignored otherwise
     */
    static AlpacaOrderRequest toAlpaca(OrderRequest r, AlpacaAsset asset, double shortableQty) {
        Instrument in = r.instrument();
        String sym = in.symbol();
        if (!asset.tradable()) {
            throw reject(sym, "Alpaca lists the asset as not tradable");
        }
        if (r.type() == OrderType.STOP_LIMIT) {
            throw reject(sym, "stop_limit needs a stop price, which OrderRequest does not carry; "
                    + "use AlpacaTradingClient.submitOrder(AlpacaOrderRequest.stopLimit(...))");
        }
        TimeInForce tif = r.timeInForce();
        BigDecimal qty;
        if (in.isCrypto()) {
            if (r.type() == OrderType.STOP) {
                throw reject(sym, "Alpaca has no stop-market orders for crypto (only market, limit and stop_limit)");
            }
            if (r.hasTakeProfit()) {
                throw reject(sym, "Alpaca has no bracket/OTO orders for crypto; place the exit as its own gtc limit after the fill");
            }
            if (r.side() == Side.SELL && r.qty() > shortableQty * (1 + 1e-9) + 1e-12) {
                throw reject(sym, "crypto cannot be sold short: sell qty " + r.qty() + " exceeds the available position "
                        + shortableQty);
            }
            if (tif == TimeInForce.DAY) {
                tif = TimeInForce.GTC;
            }
            qty = PriceIncrements.floorQty(r.qty(), asset.minTradeIncrement());
            if (qty.signum() <= 0 || (Double.isFinite(asset.minOrderSize()) && qty.doubleValue() < asset.minOrderSize())) {
                throw reject(sym, "qty " + r.qty() + " is below Alpaca's minimum order size " + asset.minOrderSize());
            }
        } else {
            qty = PriceIncrements.floorQty(r.qty(), Double.NaN);
            boolean fractional = qty.stripTrailingZeros().scale() > 0;
            if (fractional && !asset.fractionable()) {
                throw reject(sym, "qty " + qty.toPlainString() + " is fractional but the asset is not fractionable; use whole shares");
            }
            if (fractional && tif != TimeInForce.DAY) {
                throw reject(sym, "fractional qty " + qty.toPlainString() + " needs time in force day, got " + tif.wire());
            }
            if (r.hasTakeProfit()) {
                if (tif == TimeInForce.IOC) {
                    throw reject(sym, "a bracket/OTO order needs time in force day or gtc, got ioc");
                }
                if (fractional) {
                    throw reject(sym, "a bracket/OTO order needs whole shares, got " + qty.toPlainString());
                }
            }
        }
        String alpacaSymbol = AlpacaSymbols.toAlpaca(in);
        AlpacaOrderRequest out;
        if (r.type() == OrderType.MARKET) {
            out = AlpacaOrderRequest.market(alpacaSymbol, qty, r.side(), tif, r.clientOrderId());
        } else if (r.type() == OrderType.STOP) {
            // Rounded as a limit of the same side is: toward the market, so the stop never triggers later than asked.
            out = AlpacaOrderRequest.stop(alpacaSymbol, qty, r.side(), PriceIncrements.round(asset, r.limitPrice(), r.side()),
                    tif, r.clientOrderId());
        } else {
            out = AlpacaOrderRequest.limit(alpacaSymbol, qty, r.side(), PriceIncrements.round(asset, r.limitPrice(), r.side()),
                    tif, r.clientOrderId());
        }
        if (r.hasTakeProfit()) {
            BigDecimal tp = PriceIncrements.round(asset, r.takeProfitPrice(), r.side().opposite());
            if (r.type() == OrderType.LIMIT) {
                BigDecimal entry = Objects.requireNonNull(out.limitPrice(), "a limit order carries its limit price");
                boolean wrongSide = r.side() == Side.BUY ? tp.compareTo(entry) <= 0 : tp.compareTo(entry) >= 0;
                if (wrongSide) {
                    throw reject(sym, "take-profit " + tp.toPlainString() + " must be on the profit side of the entry "
                            + entry.toPlainString());
                }
            }
            out = out.withExits(tp, null, null);
        }
        return out;
    }

    private static OrderRuleException reject(String symbol, String why) {
        return new OrderRuleException(symbol + ": order refused before sending: " + why);
    }
}
