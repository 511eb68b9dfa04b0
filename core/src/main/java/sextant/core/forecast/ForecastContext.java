package sextant.core.forecast;

import sextant.core.market.BarSeries;

/**
 * One forecasting question: "what is bar {@code targetIndex}'s percent change of close, high and low,
 * given only bars {@code [0, targetIndex)}?". {@code targetIndex == bars.size()} asks for the next,
 * not yet existing bar; the context then includes the newest closed bar (fixes W-1).
 *
 * <p>Every model has the same horizon semantics: one bar ahead of the newest bar it may read (fixes
 * W-2 and W-3). A forecaster must not read {@code bars} at or after {@code targetIndex}; the
 * look-ahead guard test enforces this.
 */
public record ForecastContext(BarSeries bars, int targetIndex) {
    public ForecastContext {
        if (targetIndex < 1 || targetIndex > bars.size()) {
            throw new IllegalArgumentException(bars.symbol() + ": target index " + targetIndex + " outside 1.." + bars.size());
        }
    }
}
