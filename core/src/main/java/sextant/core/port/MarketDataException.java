package sextant.core.port;

import org.jspecify.annotations.Nullable;

/** Bars could not be loaded. The message names the symbol and the source (file and line, or URL and status). */
public class MarketDataException extends RuntimeException {
    public MarketDataException(String message) {
        super(message);
    }

    public MarketDataException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
