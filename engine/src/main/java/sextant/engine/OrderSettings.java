package sextant.engine;

import java.time.Duration;

/**
 * Knobs of the orders phase.
 *
 * @param windDownRemoved  cancel the orders and close the position of a symbol dropped from the universe
 *                         ({@code universe.on-removal: close}); false leaves them alone ({@code keep})
 * @param cancelChecks     how many times a cancel is checked for confirmation before the symbol's submit is skipped
 * @param cancelCheckWait  the wait between two checks
 */
public record OrderSettings(boolean windDownRemoved, int cancelChecks, Duration cancelCheckWait) {
    public OrderSettings {
        if (cancelChecks < 1) {
            throw new IllegalArgumentException("cancelChecks must be >= 1, got " + cancelChecks);
        }
    }

    public static OrderSettings defaults() {
        return new OrderSettings(true, 5, Duration.ofMillis(200));
    }
}
