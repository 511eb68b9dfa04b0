package sextant.alpaca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Client-side limit of N requests in any sliding 60-second window, plus a pause that the server can impose
 * (a 429, or X-Ratelimit-Remaining: 0 with X-Ratelimit-Reset). Callers block in {@link #acquire()} until a slot is free.
 */
final class RateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final int perMinute;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ArrayDeque<Instant> sent = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock(true);
    private Instant pausedUntil = Instant.MIN;

    RateLimiter(int perMinute, Clock clock, Sleeper sleeper) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until a request may be sent and records it as sent. */
    void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                Instant now = clock.instant();
                while (!sent.isEmpty() && !sent.peekFirst().plus(WINDOW).isAfter(now)) {
                    sent.pollFirst();
                }
                Duration wait;
                if (now.isBefore(pausedUntil)) {
                    wait = Duration.between(now, pausedUntil);
                } else if (sent.size() >= perMinute) {
                    wait = Duration.between(now, sent.peekFirst().plus(WINDOW));
                } else {
                    sent.addLast(now);
                    return;
                }
                sleeper.sleep(wait.isZero() ? Duration.ofMillis(1) : wait);
            }
        } finally {
            lock.unlock();
        }
    }

    /** No request is sent before {@code until} (the server said its budget is spent). */
    void pauseUntil(Instant until) {
        lock.lock();
        try {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        } finally {
            lock.unlock();
        }
    }

    int perMinute() {
        return perMinute;
    }
}
