package sextant.core.port;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import sextant.core.order.Account;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.Position;

/**
 * Port: the account the engine trades (local paper broker or Alpaca).
 *
 * <p>Contract for {@link #submit}: submitting a request whose {@code clientOrderId} the broker already knows
 * returns the existing order and creates nothing. After a timeout or a dropped connection an implementation
 * looks the order up by its client order id before it ever resubmits.
 */
public interface Broker {
    String name();

    Account account();

    List<Position> positions();

    List<Order> openOrders();

    Order submit(OrderRequest request);

    Optional<Order> findByClientOrderId(String clientOrderId);

    void cancel(String orderId);

    /**
     * Whether a marketable order sent now can be found filled within seconds, so that a position can be closed and
     * the opposite entry placed in the same cycle (a flip). True for a broker that executes while the cycle runs
     * (Alpaca); false for one that fills only when later bars settle (the local paper broker), where waiting for the
     * close's fill within the cycle would only cost time.
     */
    default boolean reportsFillsAtOnce() {
        return true;
    }

    /**
     * Whether an entry in {@code instrument} can carry its take-profit with it ({@code OrderRequest.takeProfitPrice}),
     * so that the broker places the take-profit the moment the entry fills (Alpaca: an OTO order, stocks only). The
     * default is no: the run loop then places the take-profit as soon as it sees the fill.
     */
    default boolean attachesTakeProfit(sextant.core.market.Instrument instrument) {
        return false;
    }

    /**
     * Executions the engine has not seen yet (each fill is returned once), so the ledger records every fill even
     * when it happened between cycles.
     */
    default List<sextant.core.order.Fill> takeNewFills() {
        return List.of();
    }

    /**
     * As {@link #takeNewFills}, but a broker that learns of executions as they happen (Alpaca's trade stream) waits up
     * to {@code max} for the next one, so that a run loop can place a take-profit the moment its entry fills. The
     * default does not wait: it returns {@link #takeNewFills()} at once (a broker that fills only when bars settle has
     * nothing to wait for).
     */
    default List<sextant.core.order.Fill> awaitNewFills(Duration max) {
        return takeNewFills();
    }
}
