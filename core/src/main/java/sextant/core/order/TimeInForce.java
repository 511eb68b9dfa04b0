package sextant.core.order;

public enum TimeInForce {
    DAY, GTC, IOC;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
