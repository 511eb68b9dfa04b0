package sextant.app;

import java.util.Objects;
import sextant.core.strategy.FillModel;

/**
 * The {@code backtest} section.
 *
 * @param windows       walk-forward windows per symbol, at least 1 (the original: 70)
 * @param daysPerWindow evaluated bars per window, at least 1 (the original: 6)
 * @param fillModel     how a daily bar's fills are decided
 */
record BacktestConfig(int windows, int daysPerWindow, FillModel fillModel) {
    BacktestConfig {
        Objects.requireNonNull(fillModel, "fillModel");
        if (windows < 1) {
            throw new IllegalArgumentException("'backtest.windows' must be at least 1, got " + windows);
        }
        if (daysPerWindow < 1) {
            throw new IllegalArgumentException("'backtest.days-per-window' must be at least 1, got " + daysPerWindow);
        }
    }

    static BacktestConfig from(ConfigTree t) {
        int windows = t.integer("backtest.windows");
        int days = t.integer("backtest.days-per-window");
        FillModel fillModel;
        try {
            fillModel = FillModel.fromKey(t.string("backtest.fill-model"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("backtest.fill-model: " + e.getMessage(), e);
        }
        return new BacktestConfig(windows, days, fillModel);
    }
}
