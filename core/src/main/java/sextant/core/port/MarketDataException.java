package sextant.core.port;

/** Bars could not be loaded. The message names the symbol and the source (file and line, or URL and status). */
public class MarketDataException extends RuntimeException {
    public MarketDataException(String message) {
        super(message);
    }

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
