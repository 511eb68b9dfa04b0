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
 * @param exits            the position plan's exits besides its take-profit (stop, time stop, end-of-day ramp)
 * @param calendars        the sessions a plan's time stop counts
 */
public record OrderSettings(boolean windDownRemoved, int cancelChecks, Duration cancelCheckWait, EntryGate entryGate,
                            ExitSettings exits, SessionCalendars calendars) {
    public OrderSettings {
        if (cancelChecks < 1) {
            throw new IllegalArgumentException("cancelChecks must be >= 1, got " + cancelChecks);
        }
        Objects.requireNonNull(cancelCheckWait, "cancelCheckWait");
        Objects.requireNonNull(entryGate, "entryGate");
        Objects.requireNonNull(exits, "exits");
        Objects.requireNonNull(calendars, "calendars");
    }

    /** Default exits on the built-in calendars. */
    public OrderSettings(boolean windDownRemoved, int cancelChecks, Duration cancelCheckWait, EntryGate entryGate) {
        this(windDownRemoved, cancelChecks, cancelCheckWait, entryGate, ExitSettings.defaults(), SessionCalendars.BUILT_IN);
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
        return new OrderSettings(windDownRemoved, cancelChecks, cancelCheckWait, gate, exits, calendars);
    }

    /** The same settings with other exits. */
    public OrderSettings withExits(ExitSettings newExits) {
        return new OrderSettings(windDownRemoved, cancelChecks, cancelCheckWait, entryGate, newExits, calendars);
    }

    /** The same settings counting sessions on other calendars (Alpaca's when connected). */
    public OrderSettings withCalendars(SessionCalendars newCalendars) {
        return new OrderSettings(windDownRemoved, cancelChecks, cancelCheckWait, entryGate, exits, newCalendars);
    }
}
