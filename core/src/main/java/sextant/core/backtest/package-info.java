/**
 * Per-symbol backtests: every strategy over the walk-forward windows of one symbol, its one-step-ahead series
 * (the honest score) and its plan for the next bar. Pure and deterministic; {@link sextant.core.backtest.SymbolBacktester}
 * is the entry point, {@link sextant.core.backtest.BacktestMemo} lets later cycles reuse unchanged windows.
 */
package sextant.core.backtest;
