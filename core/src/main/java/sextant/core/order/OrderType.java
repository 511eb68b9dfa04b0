package sextant.core.order;

public enum OrderType {
    MARKET, LIMIT, STOP_LIMIT;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
