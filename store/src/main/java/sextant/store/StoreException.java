package sextant.store;

import org.jspecify.annotations.Nullable;

/** A database operation failed; the message names the database file and the operation. */
public class StoreException extends RuntimeException {
    public StoreException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
