package sextant.core.port;

import java.time.Instant;

/**
 * Port: the run loop's time. The system clock sleeps for real; a simulated clock jumps to the instant asked for, so
 * that the same loop can be driven over history (and tested) without waiting.
 */
public interface TradingClock {
    Instant now();

    /** Returns at {@code t} or later; at once when {@code t} is not in the future. */
    void sleepUntil(Instant t) throws InterruptedException;

    /** A short description for the log: {@code system} or {@code simulated from … to …}. */
    String describe();
}
