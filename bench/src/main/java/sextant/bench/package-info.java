/**
 * JMH benchmarks of the hot paths (strategy kernels, optimiser, one symbol's backtest, forecasting).
 */
package sextant.bench;
