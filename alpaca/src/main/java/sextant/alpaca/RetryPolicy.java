package sextant.alpaca;

import java.time.Duration;
import java.util.Random;

/**
 * Bounded, jittered exponential back-off for idempotent requests (and for order look-ups after a fault).
 *
 * @param maxAttempts total tries of one request, the first included (&ge; 1)
 * @param baseDelay   wait before the 2nd try; doubles on each further try
 * @param maxDelay    cap of one wait
 * @param maxTotal    no new try starts once this much time has passed since the first
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotal) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new AlpacaConfigException("retry maxAttempts must be >= 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxTotal.isNegative()) {
            throw new AlpacaConfigException("retry delays must satisfy 0 <= base <= max and total >= 0");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    /**
     * Wait before try number {@code attempt + 1} (attempt counts from 1): base * 2^(attempt-1), capped, then scaled
     * by a random factor in [0.5, 1) so that many clients that failed together do not retry together.
     */
    Duration delayAfter(int attempt, Random random) {
        double nanos = baseDelay.toNanos() * Math.pow(2, Math.min(attempt - 1, 30));
        nanos = Math.min(nanos, (double) maxDelay.toNanos());
        return Duration.ofNanos((long) (nanos * (0.5 + 0.5 * random.nextDouble())));
    }
}
