package sextant.core.forecast;

import sextant.core.market.BarSeries;

/** The three series Sextant forecasts, each as a one-bar percent change r_t = X_t / X_{t-1} - 1. */
public enum Target {
    CLOSE(0), HIGH(1), LOW(2);

    public static final int COUNT = 3;
    private static final Target[] BY_INDEX = {CLOSE, HIGH, LOW};

    private final int index;

    Target(int index) {
        this.index = index;
    }

    /** This target's slot in every per-target array (forecast batches, model inputs and outputs), fixed here. */
    public int index() {
        return index;
    }

    /** The target in slot {@code index} (0 .. COUNT-1). */
    public static Target at(int index) {
        return BY_INDEX[index];
    }

    public double[] series(BarSeries bars) {
        return switch (this) {
            case CLOSE -> bars.close();
            case HIGH -> bars.high();
            case LOW -> bars.low();
        };
    }
}
