package sextant.core.order;

/**
 * One of Sextant's orders as the ledger last recorded it, with the fills booked against it so far: what the
 * reconciliation compares with the broker's view of the same order.
 */
public record TrackedOrder(String orderId, String clientOrderId, String symbol, OrderStatus status, double bookedQty,
                           double bookedNotional) {
}
