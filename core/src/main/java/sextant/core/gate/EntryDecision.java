package sextant.core.gate;

/** Whether a step may open new positions. Exits (take-profits, stops, end-of-day and closing orders) never ask. */
public enum EntryDecision {
    ALLOWED,
    /** The operator's kill switch is on, or its state cannot be read (then it counts as on: fail safe). */
    STOPPED_BY_KILL_SWITCH
}
