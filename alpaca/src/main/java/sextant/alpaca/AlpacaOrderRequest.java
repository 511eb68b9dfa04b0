package sextant.alpaca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/**
 * Body of POST /v2/orders. Prices and quantities are exact decimals (already rounded to the asset's increments);
 * they go on the wire as strings, as Alpaca documents. {@code clientOrderId} is required: it is what makes a
 * retry after a fault safe.
 *
 * @param symbol     Alpaca spelling ({@code AAPL}, {@code BTC/USD}); see {@link AlpacaSymbols}
 * @param orderClass {@code simple}, {@code bracket} (take-profit and stop-loss) or {@code oto} (one of them)
 */
public record AlpacaOrderRequest(String symbol, BigDecimal qty, Side side, OrderType type, TimeInForce timeInForce,
                                 @Nullable BigDecimal limitPrice, @Nullable BigDecimal stopPrice, String clientOrderId,
                                 String orderClass, @Nullable BigDecimal takeProfitLimit, @Nullable BigDecimal stopLossStop,
                                 @Nullable BigDecimal stopLossLimit) {
    public AlpacaOrderRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(orderClass, "orderClass");
        if (clientOrderId == null || clientOrderId.isBlank() || clientOrderId.length() > 48) {
            throw new IllegalArgumentException(symbol + ": client_order_id must be 1..48 characters, got '" + clientOrderId + "'");
        }
        if (qty.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": order quantity must be > 0, got " + qty);
        }
        if ((type == OrderType.LIMIT || type == OrderType.STOP_LIMIT) && (limitPrice == null || limitPrice.signum() <= 0)) {
            throw new IllegalArgumentException(symbol + ": " + type.wire() + " order needs limit_price > 0");
        }
        if ((type == OrderType.STOP || type == OrderType.STOP_LIMIT) && (stopPrice == null || stopPrice.signum() <= 0)) {
            throw new IllegalArgumentException(symbol + ": " + type.wire() + " order needs stop_price > 0");
        }
        switch (orderClass) {
            case "simple" -> {
                if (takeProfitLimit != null || stopLossStop != null) {
                    throw new IllegalArgumentException(symbol + ": a simple order has no take-profit or stop-loss leg");
                }
            }
            case "bracket" -> {
                if (takeProfitLimit == null || stopLossStop == null) {
                    throw new IllegalArgumentException(symbol + ": a bracket order needs take_profit.limit_price and stop_loss.stop_price");
                }
            }
            case "oto" -> {
                if ((takeProfitLimit == null) == (stopLossStop == null)) {
                    throw new IllegalArgumentException(symbol + ": an oto order needs exactly one of take-profit or stop-loss");
                }
            }
            default -> throw new IllegalArgumentException(symbol + ": order class must be simple, bracket or oto, got " + orderClass);
        }
        if (stopLossLimit != null && stopLossStop == null) {
            throw new IllegalArgumentException(symbol + ": stop_loss.limit_price needs stop_loss.stop_price");
        }
    }

    public static AlpacaOrderRequest limit(String symbol, BigDecimal qty, Side side, BigDecimal limitPrice, TimeInForce tif,
                                           String clientOrderId) {
        return new AlpacaOrderRequest(symbol, qty, side, OrderType.LIMIT, tif, limitPrice, null, clientOrderId, "simple",
                null, null, null);
    }

    public static AlpacaOrderRequest market(String symbol, BigDecimal qty, Side side, TimeInForce tif, String clientOrderId) {
        return new AlpacaOrderRequest(symbol, qty, side, OrderType.MARKET, tif, null, null, clientOrderId, "simple", null,
                null, null);
    }

    /** A stop-market order ({@code stop}); Alpaca offers it for stocks only. */
    public static AlpacaOrderRequest stop(String symbol, BigDecimal qty, Side side, BigDecimal stopPrice, TimeInForce tif,
                                          String clientOrderId) {
        return new AlpacaOrderRequest(symbol, qty, side, OrderType.STOP, tif, null, stopPrice, clientOrderId, "simple", null,
                null, null);
    }

    public static AlpacaOrderRequest stopLimit(String symbol, BigDecimal qty, Side side, BigDecimal stopPrice,
                                               BigDecimal limitPrice, TimeInForce tif, String clientOrderId) {
        return new AlpacaOrderRequest(symbol, qty, side, OrderType.STOP_LIMIT, tif, limitPrice, stopPrice, clientOrderId,
                "simple", null, null, null);
    }

    /** The same entry as a bracket (both exits) or, when one exit is null, an OTO order. Stocks only. */
    public AlpacaOrderRequest withExits(@Nullable BigDecimal takeProfit, @Nullable BigDecimal stopLoss,
                                        @Nullable BigDecimal stopLossLimitPrice) {
        String cls = takeProfit != null && stopLoss != null ? "bracket" : "oto";
        return new AlpacaOrderRequest(symbol, qty, side, type, timeInForce, limitPrice, stopPrice, clientOrderId, cls,
                takeProfit, stopLoss, stopLossLimitPrice);
    }

    public boolean hasExits() {
        return !orderClass.equals("simple");
    }

    String toJson(ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        n.put("symbol", symbol);
        n.put("qty", qty.toPlainString());
        n.put("side", side.wire());
        n.put("type", type.wire());
        n.put("time_in_force", timeInForce.wire());
        Json.putDecimal(n, "limit_price", limitPrice);
        Json.putDecimal(n, "stop_price", stopPrice);
        n.put("client_order_id", clientOrderId);
        if (!orderClass.equals("simple")) {
            n.put("order_class", orderClass);
            if (takeProfitLimit != null) {
                n.putObject("take_profit").put("limit_price", takeProfitLimit.toPlainString());
            }
            if (stopLossStop != null) {
                ObjectNode sl = n.putObject("stop_loss");
                sl.put("stop_price", stopLossStop.toPlainString());
                if (stopLossLimit != null) {
                    sl.put("limit_price", stopLossLimit.toPlainString());
                }
            }
        }
        return n.toString();
    }
}
