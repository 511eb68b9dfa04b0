package sextant.engine;

import sextant.core.order.Order;
import sextant.core.order.OrderRequest;

/**
 * What happened to one planned order action: {@code submitted}, {@code already-present} (same client order id
 * found at the broker: nothing was sent), {@code cancelled}, or {@code failed} with the broker's message.
 */
public record OrderEvent(String event, String symbol, OrderRequest request, Order order, String message) {
}
