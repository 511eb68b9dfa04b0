package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import sextant.core.order.Side;

/**
 * One execution of an Alpaca order, as the trade stream (a {@code fill} or {@code partial_fill} event) or the FILL
 * account activities report it. Both sources name the same execution by two keys: its execution id (the stream's
 * {@code execution_id}, the part after {@code ::} of an activity id) and the order's cumulative filled quantity after it
 * ({@code order.filled_qty}, {@code cum_qty}); {@link FillFeed} drops an execution when either key was seen.
 *
 * @param assetClass {@code us_equity} or {@code crypto}; empty when the source does not say (activities)
 */
record Execution(String executionId, String orderId, @Nullable String symbol, String assetClass, Side side, BigDecimal cumQty,
                 double qty, double price, Instant at) {

    List<String> keys() {
        int sep = executionId.lastIndexOf("::");
        String id = sep < 0 ? executionId : executionId.substring(sep + 2);
        return List.of("x:" + id, "c:" + orderId + ":" + cumQty.stripTrailingZeros().toPlainString());
    }

    /** The execution in a trade_updates message's {@code data}; empty for events that are not fills. */
    static Optional<Execution> fromTradeUpdate(JsonNode data, Instant received) {
        String event = Json.text(data, "event");
        if (!"fill".equals(event) && !"partial_fill".equals(event)) {
            return Optional.empty();
        }
        JsonNode order = data.path("order");
        BigDecimal cum = decimal(order, "filled_qty");
        double qty = Json.num(data, "qty");
        double price = Json.num(data, "price");
        Instant at = Json.time(data, "timestamp");
        String id = Json.text(data, "execution_id");
        String orderId = Json.text(order, "id");
        if (orderId == null || cum.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Execution(id != null ? id : orderId + "@" + cum.toPlainString(), orderId,
                Json.text(order, "symbol"), orDefault(Json.text(order, "asset_class")), side(Json.text(order, "side")), cum,
                Double.isFinite(qty) ? qty : cum.doubleValue(),
                Double.isFinite(price) ? price : Json.num(order, "filled_avg_price"), at != null ? at : received));
    }

    /** One FILL activity (GET /v2/account/activities/FILL); {@code received} stands in for a missing time. */
    static Execution fromActivity(JsonNode a, Instant received) {
        Instant at = Json.time(a, "transaction_time");
        return new Execution(Json.requiredText(a, "id"), Json.requiredText(a, "order_id"), Json.text(a, "symbol"), "",
                side(Json.text(a, "side")), decimal(a, "cum_qty"), Json.num(a, "qty"), Json.num(a, "price"),
                at != null ? at : received);
    }

    private static Side side(@Nullable String s) {
        return s != null && s.toLowerCase(Locale.ROOT).startsWith("sell") ? Side.SELL : Side.BUY;
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        String t = Json.text(n, field);
        try {
            return t == null || t.isBlank() ? BigDecimal.ZERO : new BigDecimal(t.strip());
        } catch (NumberFormatException e) {
            throw new AlpacaApiException("Alpaca sent a non-numeric '" + field + "': '" + t + "'", 200, 0);
        }
    }

    private static String orDefault(@Nullable String s) {
        return s == null ? "" : s;
    }
}
