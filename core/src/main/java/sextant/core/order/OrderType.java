package sextant.core.order;

/**
 * How an order is priced. A STOP (stop-market, Alpaca {@code stop}) rests until the price reaches its stop and then
 * trades as a market order; its stop price travels in the order's {@code limitPrice}, the one price field an order
 * has (see {@link OrderRequest#stop}).
 */
public enum OrderType {
    MARKET, LIMIT, STOP, STOP_LIMIT;

    /** Alpaca's spelling: {@code market}, {@code limit}, {@code stop}, {@code stop_limit}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
