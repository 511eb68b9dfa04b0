package sextant.store;

import org.jspecify.annotations.Nullable;

/** The state directory or database cannot be used; the message names the path and what to do. */
public class StateDirectoryException extends RuntimeException {
    public StateDirectoryException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
