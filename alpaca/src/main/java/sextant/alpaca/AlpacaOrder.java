package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import sextant.core.order.Order;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/**
 * An order as Alpaca reports it (wire strings kept as sent: {@code type}, {@code status}, {@code time_in_force}).
 * {@code id}, {@code clientOrderId} and {@code symbol} Alpaca always sends; another text field it omits is null.
 */
public record AlpacaOrder(String id, String clientOrderId, String symbol, @Nullable String assetClass,
                          @Nullable String side, @Nullable String type, @Nullable String timeInForce, double qty,
                          double limitPrice, double stopPrice, @Nullable String status, double filledQty,
                          double filledAvgPrice, @Nullable String orderClass, @Nullable Instant submittedAt,
                          List<AlpacaOrder> legs) {

    static AlpacaOrder from(JsonNode n) {
        List<AlpacaOrder> legs = new ArrayList<>();
        JsonNode l = n.get("legs");
        if (l != null && l.isArray()) {
            l.forEach(x -> legs.add(from(x)));
        }
        Instant submitted = Json.time(n, "submitted_at");
        return new AlpacaOrder(Json.requiredText(n, "id"), Json.requiredText(n, "client_order_id"),
                Json.requiredText(n, "symbol"),
                Json.text(n, "asset_class"), Json.text(n, "side"), Json.text(n, "type"), Json.text(n, "time_in_force"),
                Json.num(n, "qty"), Json.num(n, "limit_price"), Json.num(n, "stop_price"), Json.text(n, "status"),
                Json.num(n, "filled_qty"), Json.num(n, "filled_avg_price"), Json.text(n, "order_class"),
                submitted != null ? submitted : Json.time(n, "created_at"), List.copyOf(legs));
    }

    /** A leg of an OTO or bracket order that waits for its entry to fill completely before it works. */
    boolean isHeld() {
        return "held".equalsIgnoreCase(status);
    }

    /** Still working at Alpaca (may fill later). */
    public boolean isOpen() {
        return coreStatus().isOpen();
    }

    /**
     * Sextant's coarser status: accepted/pending/held/done_for_day count as NEW (still live);
     * replaced counts as CANCELED (a new order took its place); suspended and stopped-out count as REJECTED.
     */
    public OrderStatus coreStatus() {
        String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "canceled", "replaced" -> OrderStatus.CANCELED;
            case "expired" -> OrderStatus.EXPIRED;
            case "rejected", "suspended" -> OrderStatus.REJECTED;
            default -> OrderStatus.NEW;
        };
    }

    /**
     * Sextant's view. A {@code stop} is a STOP with its stop price in {@code limitPrice}; types without a Sextant
     * equivalent ({@code trailing_stop}) are reported as STOP_LIMIT with the stop price in {@code limitPrice}; the
     * exact wire type stays in {@link #type()}.
     */
    public Order toOrder() {
        return toOrder(clientOrderId);
    }

    /** As {@link #toOrder()}, reported under another client order id (an OTO leg's, see {@link OtoLegIds}). */
    Order toOrder(String reportedClientOrderId) {
        OrderType t;
        double price;
        String ty = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (ty.equals("market")) {
            t = OrderType.MARKET;
            price = Double.NaN;
        } else if (ty.equals("limit")) {
            t = OrderType.LIMIT;
            price = limitPrice;
        } else if (ty.equals("stop")) {
            t = OrderType.STOP;
            price = stopPrice;
        } else {
            t = OrderType.STOP_LIMIT;
            price = Double.isNaN(limitPrice) ? stopPrice : limitPrice;
        }
        TimeInForce tif = switch (timeInForce == null ? "" : timeInForce.toLowerCase(Locale.ROOT)) {
            case "gtc" -> TimeInForce.GTC;
            case "ioc", "fok" -> TimeInForce.IOC;
            default -> TimeInForce.DAY;
        };
        double filled = Double.isNaN(filledQty) ? 0 : filledQty;
        return new Order(id, reportedClientOrderId, AlpacaSymbols.fromAlpaca(symbol, assetClass),
                "sell".equalsIgnoreCase(side) ? Side.SELL : Side.BUY, qty, t, price, tif, coreStatus(), filled,
                filledAvgPrice, submittedAt);
    }
}
