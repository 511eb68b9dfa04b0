package sextant.engine.replay;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sextant.core.forecast.ForecastStore;

/**
 * Forecasts kept in memory for the length of one process: a replay, its controls and every cell of its realism
 * gate share one, so each (model, symbol, bar) is computed once however many runs read it. Thread-safe.
 */
public final class MemoryForecastStore implements ForecastStore {
    private final Map<Key, double[]> rows = new ConcurrentHashMap<>();

    @Override
    public Map<Key, double[]> load(Collection<Key> keys) {
        Map<Key, double[]> out = new HashMap<>();
        for (Key k : keys) {
            double[] r = rows.get(k);
            if (r != null) {
                out.put(k, r);
            }
        }
        return out;
    }

    @Override
    public void save(Map<Key, double[]> newRows) {
        rows.putAll(newRows);
    }

    public int size() {
        return rows.size();
    }
}
