package sextant.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.backtest.BacktestSpec;
import sextant.core.backtest.ForecastPath;
import sextant.core.cycle.SymbolDecision;
import sextant.core.forecast.CachingForecaster;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.ForecastStore;
import sextant.core.forecast.Forecaster;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;

/**
 * The forecasting phase: one batched call per model for every context of every symbol it serves (the bars a
 * backtest reads plus the next bar), answered from the forecast store where possible.
 */
final class ForecastStage {
    private static final Logger LOG = LoggerFactory.getLogger(ForecastStage.class);
    /** Below this many contexts per thread, splitting costs more than it saves. */
    static final int MIN_SLICE = 512;

    /**
     * Each forecast symbol's path and model, an error decision for each symbol whose model failed, and how many
     * forecasts the store answered and how many were computed.
     */
    record Result(Map<Instrument, ForecastPath> paths, Map<Instrument, String> modelIds, List<SymbolDecision> failed,
                  long cached, long computed) {
    }

    private final ForecastStore store;
    private final CycleListener listener;
    private final ExecutorService pool;
    private final int threads;
    private final Map<Forecaster, CachingForecaster> cachedModels = new HashMap<>();

    ForecastStage(ForecastStore store, CycleListener listener, ExecutorService pool, int threads) {
        this.store = store;
        this.listener = listener;
        this.pool = pool;
        this.threads = threads;
    }

    Result run(ModelRouting models, Map<Instrument, BarSeries> bars, BacktestSpec spec) {
        Map<Forecaster, List<Instrument>> byModel = new LinkedHashMap<>();
        for (Instrument inst : bars.keySet()) {
            byModel.computeIfAbsent(models.forSymbol(inst), k -> new ArrayList<>()).add(inst);
        }
        Map<Instrument, ForecastPath> out = new HashMap<>();
        Map<Instrument, String> modelIds = new HashMap<>();
        List<SymbolDecision> failed = new ArrayList<>();
        long cached = 0;
        long computed = 0;
        for (Map.Entry<Forecaster, List<Instrument>> e : byModel.entrySet()) {
            CachingForecaster model = cachedModels.computeIfAbsent(e.getKey(), f -> new CachingForecaster(f, store));
            long hitsBefore = model.hits();
            long missesBefore = model.misses();
            List<Instrument> symbols = e.getValue();
            List<ForecastContext> contexts = new ArrayList<>();
            int[] firstContext = new int[symbols.size() + 1];
            for (int s = 0; s < symbols.size(); s++) {
                BarSeries b = Objects.requireNonNull(bars.get(symbols.get(s)), "symbols are grouped from the bars' keys");
                firstContext[s] = contexts.size();
                for (int t = spec.firstForecastIndex(b.size()); t <= b.size(); t++) {
                    contexts.add(new ForecastContext(b, t));
                }
            }
            firstContext[symbols.size()] = contexts.size();
            ForecastBatch batch;
            try {
                batch = forecastInParallel(model, contexts);
            } catch (RuntimeException ex) {
                LOG.warn("forecaster {} failed", model.id(), ex);
                for (Instrument inst : symbols) {
                    failed.add(SymbolDecision.error(inst, "forecast (" + model.id() + "): " + ex.getMessage()));
                    listener.symbolDone(inst.symbol());
                }
                continue;
            }
            for (int s = 0; s < symbols.size(); s++) {
                out.put(symbols.get(s), path(Objects.requireNonNull(bars.get(symbols.get(s))), contexts, batch, firstContext[s], firstContext[s + 1]));
                modelIds.put(symbols.get(s), model.id());
            }
            cached += model.hits() - hitsBefore;
            computed += model.misses() - missesBefore;
        }
        return new Result(out, modelIds, failed, cached, computed);
    }

    /**
     * One call for a model that is not thread-safe; otherwise the contexts split into one contiguous slice per
     * worker thread. Results do not depend on the split: every model forecasts each context on its own.
     */
    private ForecastBatch forecastInParallel(Forecaster model, List<ForecastContext> contexts) {
        int slices = model.threadSafe() ? Math.min(threads, contexts.size() / MIN_SLICE) : 1;
        if (slices <= 1) {
            return model.forecast(contexts);
        }
        List<Future<ForecastBatch>> parts = new ArrayList<>();
        int[] bounds = new int[slices + 1];
        for (int i = 0; i <= slices; i++) {
            bounds[i] = (int) ((long) contexts.size() * i / slices);
        }
        for (int i = 0; i < slices; i++) {
            List<ForecastContext> slice = contexts.subList(bounds[i], bounds[i + 1]);
            parts.add(pool.submit(() -> model.forecast(slice)));
        }
        ForecastBatch out = new ForecastBatch(contexts.size());
        for (int i = 0; i < slices; i++) {
            ForecastBatch part = join(parts.get(i));
            for (int j = 0; j < part.size(); j++) {
                out.setRow(bounds[i] + j, part.row(j));
            }
        }
        return out;
    }

    private static ForecastBatch join(Future<ForecastBatch> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("forecasting was interrupted", e);
        }
    }

    /** Point forecasts indexed like the bars (NaN where no forecast was asked for). */
    private static ForecastPath path(BarSeries b, List<ForecastContext> contexts, ForecastBatch batch, int from, int to) {
        double[] close = new double[b.size() + 1];
        double[] high = new double[b.size() + 1];
        double[] low = new double[b.size() + 1];
        Arrays.fill(close, Double.NaN);
        Arrays.fill(high, Double.NaN);
        Arrays.fill(low, Double.NaN);
        for (int i = from; i < to; i++) {
            int t = contexts.get(i).targetIndex();
            close[t] = batch.point(i, Target.CLOSE);
            high[t] = batch.point(i, Target.HIGH);
            low[t] = batch.point(i, Target.LOW);
        }
        return new ForecastPath(close, high, low);
    }
}
