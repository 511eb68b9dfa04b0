package sextant.engine;

import java.time.Duration;
import java.util.Objects;
import sextant.core.port.EntryGate;

/**
 * Knobs of the orders phase.
 *
 * @param windDownRemoved  cancel the orders and close the position of a symbol dropped from the universe
 *                         ({@code universe.on-removal: close}); false leaves them alone ({@code keep})
 * @param cancelChecks     how many times a cancel is checked for confirmation before the symbol's submit is skipped
 * @param cancelCheckWait  the wait between two checks
 * @param entryGate        asked once per cycle, before the decisions are recorded, whether new entries may be placed
 *                         (the operator's kill switch); when stopped, decisions that would open exposure become skips
 *                         (see {@code CycleEngine.gated}), so no entry is placed and open entry orders are cancelled,
 *                         while take-profits and closing orders go on
 */
public record OrderSettings(boolean windDownRemoved, int cancelChecks, Duration cancelCheckWait, EntryGate entryGate) {
    public OrderSettings {
        if (cancelChecks < 1) {
            throw new IllegalArgumentException("cancelChecks must be >= 1, got " + cancelChecks);
        }
        Objects.requireNonNull(cancelCheckWait, "cancelCheckWait");
        Objects.requireNonNull(entryGate, "entryGate");
    }

    /** Settings without a kill switch (replays, tests): entries are always allowed. */
    public OrderSettings(boolean windDownRemoved, int cancelChecks, Duration cancelCheckWait) {
        this(windDownRemoved, cancelChecks, cancelCheckWait, EntryGate.ALWAYS_ALLOWED);
    }

    public static OrderSettings defaults() {
        return new OrderSettings(true, 5, Duration.ofMillis(200));
    }

    /** The same settings, asking {@code gate} before placing entries. */
    public OrderSettings withEntryGate(EntryGate gate) {
        return new OrderSettings(windDownRemoved, cancelChecks, cancelCheckWait, gate);
    }
}
