package sextant.core.backtest;

import java.util.EnumSet;
import java.util.Set;
import sextant.core.strategy.FillModel;

/**
 * How a symbol is backtested. With N closed bars, window k (k = 0 .. windows-1, 0 = newest) evaluates the
 * {@code daysPerWindow} bars t in [N-k-daysPerWindow, N-k-1]; each bar is judged against bar t-1 and traded
 * on the forecast of bar t made from bars [0, t). Forecasts are therefore needed for bars
 * {@link #firstForecastIndex(int)} .. N (N itself being the next bar, used for the live plan).
 *
 * <p>The one-step-ahead series ({@link OneStepSeries}) covers the newest {@code windows} bars, each fitted on the
 * {@code daysPerWindow} bars before it.
 *
 * @param fee per-side fee rate (NaN = the asset class default)
 * @param fillModel how the MaxDiff family's fills are decided
 * @param longOnlyStocks stocks are backtested long-only, as crypto always is (the account cannot short)
 */
public record BacktestSpec(int windows, int daysPerWindow, double fee, Set<StrategyId> strategies, FillModel fillModel,
                           boolean longOnlyStocks) {
    public BacktestSpec {
        if (windows < 1 || daysPerWindow < 1) {
            throw new IllegalArgumentException("windows and daysPerWindow must be >= 1");
        }
        strategies = Set.copyOf(strategies);
        java.util.Objects.requireNonNull(fillModel, "fillModel");
    }

    /** Stocks may be shorted. */
    public BacktestSpec(int windows, int daysPerWindow, double fee, Set<StrategyId> strategies, FillModel fillModel) {
        this(windows, daysPerWindow, fee, strategies, fillModel, false);
    }

    /** Under the original fill model, as the original's code ran. */
    public BacktestSpec(int windows, int daysPerWindow, double fee, Set<StrategyId> strategies) {
        this(windows, daysPerWindow, fee, strategies, FillModel.ORIGINAL);
    }

    /** The original's settings: 70 windows of 6 days, every strategy. */
    public static BacktestSpec anchorDefaults() {
        return new BacktestSpec(70, 6, Double.NaN, EnumSet.allOf(StrategyId.class), FillModel.ORIGINAL);
    }

    /** Index of the oldest bar whose forecast a backtest over {@code barCount} bars reads. */
    public int firstForecastIndex(int barCount) {
        int windowsNeed = barCount - windows - daysPerWindow + 1 - walkForwardLookback();
        int historyNeeds = barCount - 2 * windows - daysPerWindow; // the one-step history, see OneStepSeries
        return Math.max(1, Math.min(windowsNeed, historyNeeds));
    }

    /** Extra bars before the oldest window that walk-forward fitting reads (one window's worth). */
    public int walkForwardLookback() {
        return daysPerWindow;
    }
}
