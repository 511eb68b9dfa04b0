package sextant.alpaca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import sextant.core.order.TimeInForce;

/** Body of PATCH /v2/orders/{id}; null fields are left unchanged. A new client order id is required (Alpaca makes a new order). */
public record AlpacaReplaceRequest(BigDecimal qty, BigDecimal limitPrice, BigDecimal stopPrice, TimeInForce timeInForce,
                                   String clientOrderId) {
    public AlpacaReplaceRequest {
        if (clientOrderId == null || clientOrderId.isBlank() || clientOrderId.length() > 48) {
            throw new IllegalArgumentException("replace needs a new client_order_id of 1..48 characters, got '" + clientOrderId + "'");
        }
    }

    String toJson(ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        Json.putDecimal(n, "qty", qty);
        Json.putDecimal(n, "limit_price", limitPrice);
        Json.putDecimal(n, "stop_price", stopPrice);
        if (timeInForce != null) {
            n.put("time_in_force", timeInForce.wire());
        }
        n.put("client_order_id", clientOrderId);
        return n.toString();
    }
}
