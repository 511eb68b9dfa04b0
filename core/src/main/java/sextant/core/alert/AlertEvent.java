package sextant.core.alert;

/** What happened. The run loop raises the first three (issue 13 §4); the kill switch raises the last two. */
public enum AlertEvent {
    /** A scheduled step (cycle, entry management, take-profit, end-of-day exit, crypto roll) failed. */
    STEP_FAILED,
    /** The broker rejected an order. */
    ORDER_REJECTED,
    /** A position is open with no exit order behind it. */
    POSITION_WITHOUT_EXIT,
    /** The kill switch was found on: no new entries until it is turned off. */
    KILL_SWITCH_ON,
    /** The kill switch was turned off again. */
    KILL_SWITCH_OFF;

    /** The JSON spelling: lower snake case, e.g. {@code order_rejected}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
