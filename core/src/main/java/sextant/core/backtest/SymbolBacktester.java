package sextant.core.backtest;

import sextant.core.market.BarSeries;

/**
 * Runs every strategy of a {@link BacktestSpec} over the windows of one symbol.
 * Pure: no I/O, deterministic, no shared mutable state (safe to call from many threads).
 */
public final class SymbolBacktester {
    private SymbolBacktester() {
    }

    public static SymbolBacktest run(BarSeries bars, ForecastPath forecasts, BacktestSpec spec) {
        // Implemented by the strategy-engine work (issue 3).
        throw new UnsupportedOperationException("SymbolBacktester.run is not implemented yet");
    }
}
