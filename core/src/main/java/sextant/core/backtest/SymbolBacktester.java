package sextant.core.backtest;

import java.util.EnumMap;
import java.util.Map;
import sextant.core.market.BarSeries;
import sextant.core.strategy.BandSeries;

/**
 * Runs every strategy of a {@link BacktestSpec} over the windows of one symbol.
 * Pure: no I/O, deterministic, no shared mutable state (safe to call from many threads).
 *
 * <p>Windows: with N bars and d days per window, window k (0 = newest) evaluates bars [N-k-d, N-k-1]; its
 * walk-forward parameters are fitted on the d bars before it. As many windows as fit (at most
 * {@code spec.windows()}) are evaluated, see {@link SymbolBacktest#windowsEvaluated()}; when none fits every report
 * is {@link Metrics#EMPTY} with a "not enough history" plan. Fee: {@code spec.fee()}, or the asset class default
 * when it is NaN. Bars with a NaN forecast are flat.
 */
public final class SymbolBacktester {
    private SymbolBacktester() {
    }

    public static SymbolBacktest run(BarSeries bars, ForecastPath forecasts, BacktestSpec spec) {
        return run(bars, forecasts, spec, BacktestMemo.NONE);
    }

    /**
     * As {@link #run(BarSeries, ForecastPath, BacktestSpec)}, reusing fitted windows from {@code memo} where their
     * bars and forecasts are unchanged (a daily cycle or a replay refits only the newest window). Same results.
     */
    public static SymbolBacktest run(BarSeries bars, ForecastPath forecasts, BacktestSpec spec, BacktestMemo memo) {
        int n = bars.size();
        if (forecasts.length() != n + 1) {
            throw new IllegalArgumentException(bars.symbol() + ": forecast path has " + forecasts.length()
                    + " elements, expected bars + 1 = " + (n + 1));
        }
        var assetClass = bars.instrument().assetClass();
        double fee = Double.isNaN(spec.fee()) ? assetClass.defaultFee() : spec.fee();
        WindowLayout layout = WindowLayout.of(n, spec, assetClass.tradingDaysPerYear(),
                bars.instrument().isCrypto() || spec.longOnlyStocks(), fee);
        Map<StrategyId, StrategyReport> reports = new EnumMap<>(StrategyId.class);
        double nextC = forecasts.close()[n];
        double nextH = forecasts.high()[n];
        double nextL = forecasts.low()[n];
        if (layout.windows() == 0) {
            String reason = "not enough history: " + bars.symbol() + " has " + n + " bars, a " + spec.daysPerWindow()
                    + "-day window with its walk-forward fit needs at least " + (2 * spec.daysPerWindow() + 1);
            for (StrategyId id : spec.strategies()) {
                reports.put(id, new StrategyReport(id, Metrics.EMPTY, Metrics.EMPTY, new double[0], new double[0],
                        NextBarPlan.none(reason), Map.of(), OneStepSeries.EMPTY,
                        OneStepSeries.EMPTY));
            }
            return new SymbolBacktest(bars.instrument(), 0, reports, nextC, nextH, nextL);
        }
        BandSeries bands = BandSeries.of(bars, forecasts);
        MaxDiffFamilyReports fitted = new MaxDiffFamilyReports(layout, bands, memo, bars.symbol());
        UnfittedReports unfitted = new UnfittedReports(layout, bands, forecasts);
        for (StrategyId id : spec.strategies()) {
            StrategyReport r = switch (id) {
                case MAXDIFF -> fitted.maxDiff();
                case MAXDIFF_ALWAYS_ON -> fitted.alwaysOn();
                case PCTDIFF -> fitted.pctDiff();
                case SIMPLE, ALL_SIGNALS, BUY_HOLD, UNPROFIT_SHUTDOWN -> unfitted.closeSignal(id);
                case TAKEPROFIT, HIGHLOW -> unfitted.limit(id);
            };
            reports.put(id, r);
        }
        return new SymbolBacktest(bars.instrument(), layout.windows(), reports, nextC, nextH, nextL);
    }
}
