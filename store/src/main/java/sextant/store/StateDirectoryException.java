package sextant.store;

/** The state directory or database cannot be used; the message names the path and what to do. */
public class StateDirectoryException extends RuntimeException {
    public StateDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
