package sextant.core.forecast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import sextant.core.market.BarSeries;

/**
 * Decorator that answers from a {@link ForecastStore} when it can and asks the model only for the rest.
 * The key includes a hash of exactly the bars the model may read, so a changed or corrected bar in the
 * context invalidates the stored forecast instead of silently reusing it.
 */
public final class CachingForecaster extends ForwardingForecaster {
    private final ForecastStore store;
    private final String modelKey;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachingForecaster(Forecaster model, ForecastStore store) {
        super(model);
        this.store = store;
        this.modelKey = model.id() + "|" + model.parametersKey();
    }

    // id, key, context, warm-up and thread safety are the model's: the counters are atomic and the store serialises
    // its own access, so this adds no unsafety to the model's.

    @Override
    public ForecastBatch forecast(List<ForecastContext> contexts) {
        int n = contexts.size();
        List<ForecastStore.Key> keys = new ArrayList<>(n);
        for (ForecastContext c : contexts) {
            keys.add(keyOf(c));
        }
        Map<ForecastStore.Key, double[]> stored = store.load(keys);
        ForecastBatch out = new ForecastBatch(n);
        List<ForecastContext> todo = new ArrayList<>();
        List<Integer> todoIndex = new ArrayList<>();
        Map<ForecastStore.Key, Integer> firstMiss = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double[] row = stored.get(keys.get(i));
            if (row != null && row.length == ForecastBatch.STRIDE) {
                out.setRow(i, row);
                hits.incrementAndGet();
            } else if (firstMiss.putIfAbsent(keys.get(i), i) == null) {
                todo.add(contexts.get(i));
                todoIndex.add(i);
            }
        }
        if (!todo.isEmpty()) {
            ForecastBatch fresh = model.forecast(todo);
            Map<ForecastStore.Key, double[]> toSave = new LinkedHashMap<>();
            for (int j = 0; j < todo.size(); j++) {
                int i = todoIndex.get(j);
                double[] row = fresh.row(j);
                out.setRow(i, row);
                toSave.put(keys.get(i), row);
            }
            misses.addAndGet(todo.size());
            // Duplicate contexts inside one batch are computed once and copied.
            for (int i = 0; i < n; i++) {
                if (!out.isComplete(i) && stored.get(keys.get(i)) == null) {
                    Integer src = firstMiss.get(keys.get(i));
                    if (src != null && src != i) {
                        out.setRow(i, out.row(src));
                    }
                }
            }
            store.save(toSave);
        }
        return out;
    }

    ForecastStore.Key keyOf(ForecastContext c) {
        int t = c.targetIndex();
        int len = model.contextLength();
        int from = len > 0 ? Math.max(0, t - len) : 0;
        BarSeries b = c.bars();
        return new ForecastStore.Key(modelKey, b.symbol(), b.epochDays()[t - 1], len, contextHash(b, from, t));
    }

    /** 64-bit FNV-1a over the dates and OHLC bits of bars [from, to). */
    static long contextHash(BarSeries b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        int[] d = b.epochDays();
        double[] o = b.open();
        double[] hi = b.high();
        double[] lo = b.low();
        double[] c = b.close();
        for (int i = from; i < to; i++) {
            h = mix(h, d[i]);
            h = mix(h, Double.doubleToLongBits(o[i]));
            h = mix(h, Double.doubleToLongBits(hi[i]));
            h = mix(h, Double.doubleToLongBits(lo[i]));
            h = mix(h, Double.doubleToLongBits(c[i]));
        }
        return h;
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x100000001b3L;
        h ^= h >>> 29;
        return h;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }
}
