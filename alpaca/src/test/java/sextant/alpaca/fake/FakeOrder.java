package sextant.alpaca.fake;

import java.time.Instant;

/** Snapshot of an order held by the fake server (test assertions). Prices are NaN when absent. */
public record FakeOrder(String id, String clientOrderId, String symbol, String assetClass, String side, String type,
                        String timeInForce, double qty, double limitPrice, double stopPrice, String status,
                        double filledQty, double filledAvgPrice, String orderClass, double takeProfit, Instant createdAt,
                        String replacedBy) {
}
