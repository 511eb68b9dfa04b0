package sextant.core.gate;

import java.util.Objects;

/** The answer of an {@link sextant.core.port.EntryGate}: the decision and, when stopped, why, in words. */
public record EntryStatus(EntryDecision decision, String reason) {
    public static final EntryStatus ALLOWED = new EntryStatus(EntryDecision.ALLOWED, "");

    public EntryStatus {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
    }

    public static EntryStatus stopped(String reason) {
        return new EntryStatus(EntryDecision.STOPPED_BY_KILL_SWITCH, reason);
    }

    public boolean entriesAllowed() {
        return decision == EntryDecision.ALLOWED;
    }
}
