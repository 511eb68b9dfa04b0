package sextant.core.forecast;

import sextant.core.market.BarSeries;

/** The three series Sextant forecasts, each as a one-bar percent change r_t = X_t / X_{t-1} - 1. */
public enum Target {
    CLOSE, HIGH, LOW;

    public static final int COUNT = 3;

    public double[] series(BarSeries bars) {
        return switch (this) {
            case CLOSE -> bars.close();
            case HIGH -> bars.high();
            case LOW -> bars.low();
        };
    }
}
