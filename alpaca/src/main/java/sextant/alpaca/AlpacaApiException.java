package sextant.alpaca;

import sextant.core.port.BrokerException;

/** Alpaca answered with an error status. The message names the call, the status and Alpaca's reason (keys redacted). */
public class AlpacaApiException extends BrokerException {
    private final int status;
    private final long code;

    public AlpacaApiException(String message, int status, long code) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** HTTP status, e.g. 403 or 422. */
    public int status() {
        return status;
    }

    /** Alpaca's numeric error code from the body, or 0 when absent. */
    public long code() {
        return code;
    }
}
