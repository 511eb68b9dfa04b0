package sextant.alpaca.fake;

import java.time.Instant;

/**
 * Snapshot of an order held by the fake server (test assertions). Prices are NaN when absent. {@code parentId} is the
 * entry's id for a take-profit leg of an OTO order (Alpaca creates the leg itself, with a client order id of its own)
 * and empty for every other order.
 */
public record FakeOrder(String id, String clientOrderId, String symbol, String assetClass, String side, String type,
                        String timeInForce, double qty, double limitPrice, double stopPrice, String status,
                        double filledQty, double filledAvgPrice, String orderClass, double takeProfit, Instant createdAt,
                        String replacedBy, String parentId) {

    public boolean isLeg() {
        return !parentId.isEmpty();
    }
}
