package sextant.core.order;

import java.util.Locale;

/** Where a {@link PositionPlan} stands. The ledger stores {@link #key()}. */
public enum PlanStatus {
    /** The entry order is out and has not filled yet. */
    PENDING,
    /** The entry filled (in part or whole): the position exists and the plan manages its exits. */
    OPEN,
    /** The position the plan opened is flat again. */
    CLOSED,
    /** The entry never filled (expired, cancelled or refused): no position was opened. */
    CANCELLED;

    public boolean isActive() {
        return this == PENDING || this == OPEN;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlanStatus fromKey(String key) {
        for (PlanStatus s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown position-plan status '" + key + "' (expected one of pending, open,"
                + " closed, cancelled); the ledger was written by another Sextant version");
    }
}
