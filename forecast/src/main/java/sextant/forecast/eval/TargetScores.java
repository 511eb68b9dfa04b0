package sextant.forecast.eval;

/**
 * Walk-forward scores of one model on one target, pooled over every (symbol, bar) forecast.
 *
 * @param mae         mean absolute error of the point forecast of the one-bar percent change (the original's
 *                    {@code pct_return_mae})
 * @param pinball     pinball (quantile) loss averaged over the nine quantile levels
 * @param coverage    share of actual changes inside the [q0.1, q0.9] band (0.8 when calibrated)
 * @param fillHitRate lows only: share of bars whose actual low change is at or below the forecast one, i.e. a
 *                    buy limit at the predicted low would have filled; NaN for close and high
 * @param count       number of forecasts scored
 */
public record TargetScores(double mae, double pinball, double coverage, double fillHitRate, long count) {
}
