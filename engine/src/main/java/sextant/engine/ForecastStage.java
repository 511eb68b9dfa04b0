package sextant.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    record Result(Map<Instrument, ForecastPath> paths, Map<Instrument, String> modelIds, long cached, long computed) {
    }

    private final ForecastStore store;
    private final CycleListener listener;
    private final Map<Forecaster, CachingForecaster> cachedModels = new HashMap<>();

    ForecastStage(ForecastStore store, CycleListener listener) {
        this.store = store;
        this.listener = listener;
    }

    Result run(ModelRouting models, Map<Instrument, BarSeries> bars, BacktestSpec spec,
               Map<Instrument, SymbolDecision> failures) {
        Map<Forecaster, List<Instrument>> byModel = new LinkedHashMap<>();
        for (Instrument inst : bars.keySet()) {
            byModel.computeIfAbsent(models.forSymbol(inst), k -> new ArrayList<>()).add(inst);
        }
        Map<Instrument, ForecastPath> out = new HashMap<>();
        Map<Instrument, String> modelIds = new HashMap<>();
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
                BarSeries b = bars.get(symbols.get(s));
                firstContext[s] = contexts.size();
                for (int t = spec.firstForecastIndex(b.size()); t <= b.size(); t++) {
                    contexts.add(new ForecastContext(b, t));
                }
            }
            firstContext[symbols.size()] = contexts.size();
            ForecastBatch batch;
            try {
                batch = model.forecast(contexts);
            } catch (RuntimeException ex) {
                LOG.warn("forecaster {} failed", model.id(), ex);
                for (Instrument inst : symbols) {
                    failures.put(inst, SymbolDecision.error(inst, "forecast (" + model.id() + "): " + ex.getMessage()));
                    listener.symbolDone(inst.symbol());
                }
                continue;
            }
            for (int s = 0; s < symbols.size(); s++) {
                out.put(symbols.get(s), path(bars.get(symbols.get(s)), contexts, batch, firstContext[s], firstContext[s + 1]));
                modelIds.put(symbols.get(s), model.id());
            }
            cached += model.hits() - hitsBefore;
            computed += model.misses() - missesBefore;
        }
        return new Result(out, modelIds, cached, computed);
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
