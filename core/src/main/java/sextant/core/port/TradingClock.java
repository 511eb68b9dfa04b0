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

    /**
     * Whether this clock's time passes as the wall clock's does, so that a wait measured in real time (a broker's
     * {@code awaitNewFills}) is a wait on this clock. False by default: a simulated clock jumps, and a real-time wait
     * of a poll interval there would stall the loop for hours.
     */
    default boolean realTime() {
        return false;
    }

    /** A short description for the log: {@code system} or {@code simulated from … to …}. */
    String describe();
}
