package sextant.core.order;

/**
 * The ledger's newest row of one of Sextant's orders: what it last knew of the order, and which event wrote it.
 *
 * @param lastEvent what wrote the row: {@link OrderOutcome#RECONCILED} when the status was found at the broker (an
 *                  order that expired or was cancelled there), {@link OrderOutcome#CANCELLED} when Sextant cancelled it
 */
public record OrderRecord(String clientOrderId, String symbol, OrderStatus status, double qty, double filledQty,
                          OrderOutcome lastEvent) {

    /** Ended (expired, cancelled, rejected) without filling completely. */
    public boolean endedUnfilled() {
        return !status.isOpen() && filledQty < qty - 1e-9;
    }
}
