package sextant.core.forecast;

import java.util.Collection;
import java.util.Map;

/**
 * Port: persisted forecasts. Forecasts of past bars never change for a fixed-length context, so they are kept
 * keyed by model key ({@code id|parametersKey}), symbol, the date of the newest context bar (the forecast is
 * for the bar after it), context length and a hash of the context's bars. A daily cycle then computes only the newest bar's forecasts.
 */
public interface ForecastStore {

    record Key(String modelKey, String symbol, int contextEndEpochDay, int contextLength, long contextHash) {
    }

    /** Stored rows ({@link ForecastBatch#STRIDE} doubles each) for those keys that are present. */
    Map<Key, double[]> load(Collection<Key> keys);

    void save(Map<Key, double[]> rows);

    /** A store that remembers nothing (for benchmarks that must measure model work). */
    ForecastStore NONE = new ForecastStore() {
        @Override
        public Map<Key, double[]> load(Collection<Key> keys) {
            return Map.of();
        }

        @Override
        public void save(Map<Key, double[]> rows) {
        }
    };
}
