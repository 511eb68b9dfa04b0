/**
 * Performance metrics of daily return series (Sharpe, Sortino, drawdown, ...), as the original defines them.
 */
package sextant.core.metrics;
