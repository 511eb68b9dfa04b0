package sextant.core.order;

public enum OrderStatus {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED;

    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
