package sextant.forecast.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Forecaster;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;
import sextant.forecast.Forecasters;
import sextant.forecast.eval.ModelScores;
import sextant.forecast.eval.WalkForward;

/**
 * Picks a model per symbol by validation MAE, as the original's {@code update_best_configs_by_return_mae.py} did,
 * but walk-forward and out of sample: the validation bars come strictly before the test bars, and the test
 * scores are reported, never used to choose.
 *
 * <p>{@code pct_return_mae} is the mean, over close, high and low, of the mean absolute error of the forecast
 * one-bar percent change (the original's per-target {@code val_loss} averaged over the three series Sextant
 * trades on); {@code price_mae} is the same in price units.
 */
public final class ModelSelection {
    public static final String SELECTION_METRIC = "validation.pct_return_mae";

    /**
     * What a selection run found.
     *
     * @param candidates one record per (symbol, model)
     * @param best       one record per selected symbol
     * @param skipped    one line per symbol without enough bars
     */
    public record Result(List<ModelRecord> candidates, List<ModelRecord> best, List<String> skipped) {
    }

    private ModelSelection() {
    }

    /**
     * Scores every model on the {@code valWindow} bars before the newest {@code testWindow} bars of each series
     * (validation) and on those newest bars (test), then picks the lowest validation {@code pct_return_mae}
     * (ties: the earlier model in {@code models}).
     */
    public static Result select(List<BarSeries> series, List<Forecaster> models, int valWindow, int testWindow) {
        if (valWindow < 1 || testWindow < 1) {
            throw new IllegalArgumentException("validation and test windows must be >= 1 bar (got " + valWindow + ", " + testWindow + ")");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no candidate models");
        }
        List<BarSeries> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (BarSeries b : series) {
            if (b.size() < valWindow + testWindow + 2) {
                skipped.add(b.symbol() + ": " + b.size() + " bars, need at least " + (valWindow + testWindow + 2)
                        + " for " + valWindow + " validation and " + testWindow + " test bars");
            } else {
                usable.add(b);
            }
        }
        // Per symbol: valWindow validation contexts, then testWindow test contexts, in one batch per model.
        int per = valWindow + testWindow;
        List<ForecastContext> contexts = WalkForward.contexts(usable, 0, per);
        List<ModelRecord> candidates = new ArrayList<>();
        Map<String, List<ModelRecord>> bySymbol = new LinkedHashMap<>();
        for (Forecaster model : models) {
            long start = System.nanoTime();
            ForecastBatch batch = model.forecast(contexts);
            double latencyPerSymbol = (System.nanoTime() - start) / 1e9 / Math.max(1, usable.size());
            for (int s = 0; s < usable.size(); s++) {
                BarSeries b = usable.get(s);
                int v0 = s * per;
                int t0 = v0 + valWindow;
                ModelScores val = WalkForward.score(contexts, batch, v0, t0);
                ModelScores test = WalkForward.score(contexts, batch, t0, t0 + testWindow);
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("source", "sextant select-models");
                meta.put("parameters_key", model.parametersKey());
                meta.put("val_start", b.date(contexts.get(v0).targetIndex()).toString());
                meta.put("val_end", b.date(contexts.get(t0 - 1).targetIndex()).toString());
                meta.put("test_start", b.date(contexts.get(t0).targetIndex()).toString());
                meta.put("test_end", b.date(contexts.get(t0 + testWindow - 1).targetIndex()).toString());
                ModelRecord r = new ModelRecord(b.symbol(), model.id(), new LinkedHashMap<>(Forecasters.config(model)),
                        new ModelRecord.Scores(priceMae(contexts, batch, v0, t0), val.meanMae(), latencyPerSymbol * valWindow / per),
                        new ModelRecord.Scores(priceMae(contexts, batch, t0, t0 + testWindow), test.meanMae(), latencyPerSymbol * testWindow / per),
                        new ModelRecord.Windows(valWindow, testWindow, 1), meta, null);
                candidates.add(r);
                bySymbol.computeIfAbsent(b.symbol(), k -> new ArrayList<>()).add(r);
            }
        }
        List<ModelRecord> best = new ArrayList<>();
        bySymbol.forEach((sym, rs) -> best.add(bestOf(rs)));
        return new Result(candidates, best, skipped);
    }

    // The runner-up search skips the winner itself (identity), not any record that happens to equal it.
    @SuppressWarnings("ReferenceEquality")
    private static ModelRecord bestOf(List<ModelRecord> rs) {
        ModelRecord win = rs.get(0);
        for (ModelRecord r : rs) {
            if (r.validation().pctReturnMae() < win.validation().pctReturnMae()) {
                win = r;
            }
        }
        Map<String, Object> candidateMae = new LinkedHashMap<>();
        for (ModelRecord r : rs) {
            candidateMae.put(r.model(), r.validation().pctReturnMae());
        }
        // Improvement over the naive baseline when it competed, else over the runner-up.
        double reference = Double.NaN;
        for (ModelRecord r : rs) {
            if (r.model().equals("naive")) {
                reference = r.validation().pctReturnMae();
            }
        }
        if (Double.isNaN(reference)) {
            for (ModelRecord r : rs) {
                double mae = r.validation().pctReturnMae();
                if (r != win && (Double.isNaN(reference) || mae < reference)) {
                    reference = mae;
                }
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>(win.metadata());
        meta.put("candidate_pct_return_mae", candidateMae);
        meta.put("selection_metric", SELECTION_METRIC);
        meta.put("selection_value", win.validation().pctReturnMae());
        meta.put("improvement_pct", Double.isNaN(reference) || reference == 0 ? 0.0
                : 100.0 * (reference - win.validation().pctReturnMae()) / reference);
        return new ModelRecord(win.symbol(), win.model(), win.config(), win.validation(), win.test(), win.windows(), meta,
                ModelStore.candidatePath(win.model(), win.symbol()));
    }

    /** Mean absolute error in price units, over the three targets: |X_{t-1} (1 + f) - X_t|. */
    private static double priceMae(List<ForecastContext> contexts, ForecastBatch batch, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            ForecastContext c = contexts.get(i);
            int t = c.targetIndex();
            for (Target target : Target.values()) {
                double[] x = target.series(c.bars());
                sum += Math.abs(x[t - 1] * (1.0 + batch.point(i, target)) - x[t]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
