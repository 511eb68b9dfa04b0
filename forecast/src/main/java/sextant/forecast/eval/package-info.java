/**
 * Walk-forward forecast accuracy ({@code sextant forecast-eval}): MAE, pinball loss and band coverage per model.
 */
package sextant.forecast.eval;
