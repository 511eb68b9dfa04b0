package sextant.store;

/** A database operation failed; the message names the database file and the operation. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
