package sextant.alpaca;

import sextant.core.port.BrokerException;

/**
 * An order submission hit a fault and the follow-up look-up by client order id could not tell whether the order
 * exists. Nothing was resubmitted; the caller must look the order up later with the same client order id.
 */
public class OrderStateUnknownException extends BrokerException {
    private final String clientOrderId;

    public OrderStateUnknownException(String message, String clientOrderId) {
        super(message);
        this.clientOrderId = clientOrderId;
    }

    public String clientOrderId() {
        return clientOrderId;
    }
}
