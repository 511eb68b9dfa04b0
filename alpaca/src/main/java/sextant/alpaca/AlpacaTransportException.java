package sextant.alpaca;

import sextant.core.port.BrokerException;

/**
 * No usable answer came back (timeout, dropped connection, or server errors) after the allowed retries.
 * The cause is deliberately not attached: JDK network exceptions are summarised by class name and message only.
 */
public class AlpacaTransportException extends BrokerException {
    public AlpacaTransportException(String message) {
        super(message);
    }
}
