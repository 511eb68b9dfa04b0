package sextant.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import sextant.core.forecast.ForecastStore;
import sextant.engine.replay.MemoryForecastStore;

/**
 * The forecasts a replay reads and writes: an in-memory store shared by every variant and gate cell of the process,
 * in front of an optional persistent store ({@code replay --forecast-cache DIR}). Forecasts of past bars never change
 * under a fixed-length trailing context, so a second replay over the same bars with the cache computes none of the
 * forecasts the first one computed. Every computed forecast is saved exactly once, so the rows saved are the rows
 * computed. Thread-safe when the persistent store is (SQLite's is: its database serialises transactions).
 */
final class ReplayForecastStore implements ForecastStore {
    private final MemoryForecastStore memory = new MemoryForecastStore();
    private final Optional<ForecastStore> persistent;
    private final AtomicLong computed = new AtomicLong();

    ReplayForecastStore(Optional<ForecastStore> persistent) {
        this.persistent = persistent;
    }

    @Override
    public Map<Key, double[]> load(Collection<Key> keys) {
        Map<Key, double[]> found = new HashMap<>(memory.load(keys));
        if (persistent.isPresent() && found.size() < keys.size()) {
            List<Key> missing = new ArrayList<>();
            for (Key k : keys) {
                if (!found.containsKey(k)) {
                    missing.add(k);
                }
            }
            Map<Key, double[]> stored = persistent.get().load(missing);
            memory.save(stored);
            found.putAll(stored);
        }
        return found;
    }

    @Override
    public void save(Map<Key, double[]> rows) {
        computed.addAndGet(rows.size());
        memory.save(rows);
        persistent.ifPresent(p -> p.save(rows));
    }

    /** Forecasts held in memory: computed by this process or read from the cache. */
    int size() {
        return memory.size();
    }

    /** Forecasts this process computed (and saved), none of which the cache already held. */
    long computed() {
        return computed.get();
    }
}
