package sextant.core.backtest;

/**
 * Point forecasts of the one-bar percent change of close, high and low, indexed like the bars: element t is the
 * forecast of bar t made from bars [0, t). Arrays have length {@code bars.size() + 1}; element
 * {@code bars.size()} is the forecast of the next, not yet existing bar. Elements that were not computed are NaN.
 */
public record ForecastPath(double[] close, double[] high, double[] low) {
    public ForecastPath {
        if (close.length != high.length || close.length != low.length) {
            throw new IllegalArgumentException("forecast arrays differ in length");
        }
    }

    public int length() {
        return close.length;
    }
}
