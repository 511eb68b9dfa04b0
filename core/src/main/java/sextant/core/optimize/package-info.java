/**
 * The MaxDiff-family multiplier search. {@link sextant.core.optimize.EntryExitOptimizer} is exact under both fill
 * models; the original's grid search is kept for comparison and parity.
 */
package sextant.core.optimize;
