package sextant.forecast.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Forecaster;
import sextant.core.market.BarSeries;

/** Walk-forward evaluation of several models on the newest {@code windows} bars of every series. */
public final class ForecastEvaluation {
    private ForecastEvaluation() {
    }

    /**
     * Forecasts the newest {@code windows} bars of each series with each model (one batch per model) and scores
     * them. Every model sees exactly the same questions.
     */
    public static EvaluationReport run(List<BarSeries> series, List<Forecaster> models, int windows) {
        if (windows < 1) {
            throw new IllegalArgumentException("windows must be >= 1, got " + windows);
        }
        List<ForecastContext> contexts = WalkForward.contexts(series, 0, windows);
        if (contexts.isEmpty()) {
            throw new IllegalArgumentException("no bars to evaluate: every series has fewer than 2 bars");
        }
        Map<String, ModelScores> scores = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Forecaster model : models) {
            long start = System.nanoTime();
            ForecastBatch batch = model.forecast(contexts);
            seconds.put(model.id(), (System.nanoTime() - start) / 1e9);
            scores.put(model.id(), WalkForward.score(contexts, batch, 0, contexts.size()));
        }
        return new EvaluationReport(scores, seconds, series.size(), contexts.size());
    }
}
