package sextant.core.port;

/** A broker call failed after its retries; the message says which call, which symbol and why. */
public class BrokerException extends RuntimeException {
    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
