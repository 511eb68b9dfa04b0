package sextant.core.order;

import java.util.Objects;
import sextant.core.market.Instrument;

/**
 * What the engine asks a broker to do. {@code clientOrderId} is always set and is derived from the
 * order's intent (cycle date, symbol, side, strategy, leg), so that submitting the same intent twice
 * can be recognised and never creates a second order.
 *
 * @param limitPrice the order's price: the limit of a LIMIT, the stop of a STOP; NaN for market orders
 * @param takeProfitPrice NaN unless a bracket order is wanted (stocks only on Alpaca)
 */
public record OrderRequest(Instrument instrument, Side side, double qty, OrderType type, double limitPrice,
                           TimeInForce timeInForce, String clientOrderId, double takeProfitPrice) {
    public OrderRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        if (!(qty > 0) || !Double.isFinite(qty)) {
            throw new IllegalArgumentException(instrument + ": order quantity must be > 0, got " + qty);
        }
        if (type != OrderType.MARKET && !(limitPrice > 0)) {
            throw new IllegalArgumentException(instrument + ": " + type + " order needs a " + (type == OrderType.STOP ? "stop"
                    : "limit") + " price > 0, got " + limitPrice);
        }
        if (clientOrderId.isBlank() || clientOrderId.length() > 48) {
            throw new IllegalArgumentException("client_order_id must be 1..48 characters: '" + clientOrderId + "'");
        }
    }

    public static OrderRequest limit(Instrument instrument, Side side, double qty, double limitPrice, TimeInForce tif,
                                     String clientOrderId) {
        return new OrderRequest(instrument, side, qty, OrderType.LIMIT, limitPrice, tif, clientOrderId, Double.NaN);
    }

    public static OrderRequest market(Instrument instrument, Side side, double qty, TimeInForce tif, String clientOrderId) {
        return new OrderRequest(instrument, side, qty, OrderType.MARKET, Double.NaN, tif, clientOrderId, Double.NaN);
    }

    /** A stop-market order: it trades at market once the price reaches {@code stopPrice} (a sell at or below it). */
    public static OrderRequest stop(Instrument instrument, Side side, double qty, double stopPrice, TimeInForce tif,
                                    String clientOrderId) {
        return new OrderRequest(instrument, side, qty, OrderType.STOP, stopPrice, tif, clientOrderId, Double.NaN);
    }

    public boolean hasTakeProfit() {
        return Double.isFinite(takeProfitPrice);
    }
}
