package sextant.engine;

import java.util.concurrent.ExecutionException;

/** How a failed worker task is named in a decision's reason or a log line. */
final class Failures {
    private Failures() {
    }

    /** What a worker threw (the cause of an {@link ExecutionException}), else the exception itself. */
    static Throwable cause(Exception e) {
        Throwable c = e instanceof ExecutionException ? e.getCause() : null;
        return c != null ? c : e;
    }

    /** The exception's message, or its class name when it has none (a bare NullPointerException, say). */
    static String message(Throwable t) {
        String m = t.getMessage();
        return m != null ? m : t.getClass().getName();
    }
}
