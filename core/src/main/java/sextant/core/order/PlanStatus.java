package sextant.core.order;

import sextant.core.key.Keyed;
import sextant.core.key.NameKeyed;

/** Where a {@link PositionPlan} stands. The ledger stores {@link #key()}. */
public enum PlanStatus implements NameKeyed {
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

    /** An unknown status means the ledger was written by another Sextant version; the message lists the known ones. */
    public static PlanStatus fromKey(String key) {
        return Keyed.parse(values(), key, "position-plan status");
    }
}
