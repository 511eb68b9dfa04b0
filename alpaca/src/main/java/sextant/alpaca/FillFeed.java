package sextant.alpaca;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Executions not yet handed to the engine, from the trade stream and from polling alike, each kept once: an execution
 * whose execution id or (order, cumulative quantity) was seen before is dropped (a redelivery after a reconnect, or a
 * poll overlapping the stream). Thread-safe: the stream adds from its own thread.
 */
final class FillFeed {
    private final Set<String> seen = new HashSet<>();
    private final ArrayDeque<Execution> pending = new ArrayDeque<>();

    /** Queues the execution unless one of its keys was seen before; returns whether it was new. */
    synchronized boolean offer(Execution e) {
        List<String> keys = e.keys();
        for (String k : keys) {
            if (seen.contains(k)) {
                return false;
            }
        }
        seen.addAll(keys);
        pending.add(e);
        notifyAll();
        return true;
    }

    synchronized List<Execution> drain() {
        List<Execution> out = new ArrayList<>(pending);
        pending.clear();
        return out;
    }

    /** Puts back executions that could not be handed over yet (their order could not be looked up), oldest first. */
    synchronized void requeue(List<Execution> later) {
        for (int i = later.size() - 1; i >= 0; i--) {
            pending.addFirst(later.get(i));
        }
    }

    /** Waits up to {@code max} for a pending execution; true when there is one. */
    synchronized boolean await(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (pending.isEmpty()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
