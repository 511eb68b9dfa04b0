package sextant.core.calendar;

/** How long a session runs: a full day, or an announced early close (13:00 New York time at NYSE). */
public enum SessionKind {
    REGULAR,
    EARLY_CLOSE
}
