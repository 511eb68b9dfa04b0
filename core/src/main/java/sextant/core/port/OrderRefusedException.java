package sextant.core.port;

/** The broker adapter refused an order before sending it: it breaks a rule the broker enforces (the message says which). */
public class OrderRefusedException extends BrokerException {
    public OrderRefusedException(String message) {
        super(message);
    }
}
