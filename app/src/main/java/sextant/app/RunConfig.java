package sextant.app;

import java.time.Duration;

/**
 * The {@code run} section of {@code sextant run}.
 *
 * @param preOpen how long before the NYSE open the stock cycle runs (crypto's runs at its 00:00 UTC roll)
 * @param poll    the time between two looks at the account while a session trades
 */
record RunConfig(Duration preOpen, Duration poll) {
    RunConfig {
        if (preOpen.isNegative()) {
            throw new IllegalArgumentException("'run.pre-open-minutes' must be 0 or more, got " + preOpen.toMinutes());
        }
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("'run.poll-seconds' must be at least 1, got " + poll.toSeconds());
        }
    }

    static RunConfig from(ConfigTree t) {
        return new RunConfig(Duration.ofMinutes(t.integer("run.pre-open-minutes")),
                Duration.ofSeconds(t.integer("run.poll-seconds")));
    }
}
