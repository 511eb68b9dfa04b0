package sextant.core.order;

public enum Side {
    BUY, SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for buy, -1 for sell. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
