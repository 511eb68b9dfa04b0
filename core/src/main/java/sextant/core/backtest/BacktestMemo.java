package sextant.core.backtest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import sextant.core.strategy.BandSeries;
import sextant.core.strategy.BarMoves;

/**
 * Remembers fitted results by what they were computed from, so that a window a cycle evaluated yesterday is not
 * fitted again today. Each session adds one bar; of 70 windows and 70 one-step results, 69 of each are the same
 * bars and forecasts as the day before. A result is keyed by the symbol, the strategy, what kind of result it is, the
 * fill model, the fee, and a 64-bit hash of every bar and forecast value it read; a changed input (a restated bar, a
 * new forecast) gives another key. Deterministic, and thread-safe; it holds at most {@value #MAX_ENTRIES} results and
 * starts over when full.
 */
public final class BacktestMemo {
    static final int MAX_ENTRIES = 2_000_000;

    /** Remembers nothing (every result is computed). */
    public static final BacktestMemo NONE = new BacktestMemo(0);

    record Key(String symbol, StrategyId strategy, int kind, long hash) {
    }

    private final Map<Key, Object> results;
    private final int capacity;

    public BacktestMemo() {
        this(MAX_ENTRIES);
    }

    private BacktestMemo(int capacity) {
        this.capacity = capacity;
        this.results = capacity == 0 ? Map.of() : new ConcurrentHashMap<>();
    }

    @Nullable Object get(Key k) {
        return capacity == 0 ? null : results.get(k);
    }

    void put(Key k, Object v) {
        if (capacity == 0) {
            return;
        }
        if (results.size() >= capacity) {
            results.clear();
        }
        results.put(k, v);
    }

    public int size() {
        return results.size();
    }

    /**
     * Hash of the inputs a result over bars [barsFrom, barsTo) and forecasts [fcFrom, fcTo) reads, with the settings
     * that change it.
     */
    static long hash(BandSeries b, int barsFrom, int barsTo, int fcFrom, int fcTo, double fee, int model) {
        long h = 0x9E3779B97F4A7C15L * (barsTo - barsFrom) + 31L * (fcTo - fcFrom) + model;
        h = mix(h, Double.doubleToLongBits(fee));
        BarMoves m = b.moves();
        for (int t = barsFrom; t < barsTo; t++) {
            h = mix(h, Double.doubleToLongBits(b.close(t)));
            h = mix(h, Double.doubleToLongBits(b.high(t)));
            h = mix(h, Double.doubleToLongBits(b.low(t)));
            if (m != null && t > 0) {
                h = mix(h, Double.doubleToLongBits(m.open(t)));
            }
        }
        for (int t = fcFrom; t < fcTo; t++) {
            h = mix(h, Double.doubleToLongBits(b.forecastClose(t)));
            h = mix(h, Double.doubleToLongBits(b.forecastHigh(t)));
            h = mix(h, Double.doubleToLongBits(b.forecastLow(t)));
        }
        return h;
    }

    private static long mix(long h, long v) {
        long x = h ^ (v * 0xC2B2AE3D27D4EB4FL);
        x ^= x >>> 31;
        x *= 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }
}
