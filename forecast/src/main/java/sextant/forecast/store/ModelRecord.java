package sextant.forecast.store;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One hyper-parameter record in the original's format (anchor-spec §4.5): which model, with which parameters,
 * and how it scored. Candidate files live at {@code <store>/<model>/<SYMBOL>.json}, the per-symbol choice at
 * {@code <store>/best/<SYMBOL>.json}; a best record adds {@code config_path} and selection metadata.
 *
 * @param config     model parameters (as in {@code Forecasters.create(id, seed, config)} for built-in models)
 * @param metadata   free-form; best records carry {@code candidate_pct_return_mae}, {@code selection_metric},
 *                   {@code selection_value} and {@code improvement_pct}
 * @param configPath the candidate file a best record was copied from, relative to the store root; null for
 *                   candidate records
 */
public record ModelRecord(String symbol, String model, Map<String, Object> config, Scores validation, Scores test,
                          Windows windows, Map<String, Object> metadata, @Nullable String configPath) {

    /**
     * Scores on one slice of bars; NaN where a file lacks the field.
     *
     * @param priceMae     mean absolute error of the forecast price (last price x (1 + forecast change))
     * @param pctReturnMae mean absolute error of the one-bar percent change: the selection metric
     * @param latencyS     seconds spent forecasting the slice
     */
    public record Scores(double priceMae, double pctReturnMae, double latencyS) {
    }

    /** Slice sizes in bars and the forecast horizon (always 1 in Sextant). */
    public record Windows(int valWindow, int testWindow, int forecastHorizon) {
    }
}
