package sextant.core.cycle;

import java.util.EnumMap;
import java.util.Map;

/**
 * Wall-clock nanoseconds per phase. Phases that overlap (model load runs while data loads) each keep their
 * own duration; {@code totalNanos} is the cycle's wall time, not the sum. Notes carry counts such as cache hits.
 */
public final class PhaseTimings {
    private final EnumMap<Phase, Long> nanos = new EnumMap<>(Phase.class);
    private final EnumMap<Phase, String> notes = new EnumMap<>(Phase.class);
    private long totalNanos;

    public synchronized void add(Phase phase, long elapsedNanos) {
        nanos.merge(phase, elapsedNanos, Long::sum);
    }

    public synchronized void note(Phase phase, String note) {
        notes.put(phase, note);
    }

    public synchronized void setTotal(long elapsedNanos) {
        this.totalNanos = elapsedNanos;
    }

    public synchronized long nanos(Phase phase) {
        return nanos.getOrDefault(phase, 0L);
    }

    public synchronized String note(Phase phase) {
        return notes.getOrDefault(phase, "");
    }

    public synchronized long totalNanos() {
        return totalNanos;
    }

    public synchronized Map<Phase, Long> asMap() {
        EnumMap<Phase, Long> copy = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            copy.put(p, nanos.getOrDefault(p, 0L));
        }
        return copy;
    }

    public static double millis(long nanos) {
        return nanos / 1e6;
    }
}
