package sextant.app;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import sextant.engine.ExitSettings;

/**
 * The {@code exits} section: what every position plan records besides its take-profit, and the run loop's end-of-day
 * ramp. Its checks are {@link ExitSettings}'s.
 */
record ExitsConfig(ExitSettings settings) {
    ExitsConfig {
        Objects.requireNonNull(settings, "settings");
    }

    static ExitsConfig from(ConfigTree t) {
        double stop = t.number("exits.stop-loss");
        int maxHolding = t.integer("exits.max-holding-sessions");
        if (maxHolding < 0) {
            throw new IllegalArgumentException("'exits.max-holding-sessions' must be 0 (the kernel's) or more, got "
                    + maxHolding);
        }
        return new ExitsConfig(new ExitSettings(stop == 0 ? OptionalDouble.empty() : OptionalDouble.of(stop),
                maxHolding == 0 ? OptionalInt.empty() : OptionalInt.of(maxHolding),
                Duration.ofMinutes(t.integer("exits.eod-passive-minutes")),
                Duration.ofMinutes(t.integer("exits.eod-marketable-minutes"))));
    }
}
