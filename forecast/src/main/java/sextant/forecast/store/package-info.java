/**
 * The per-symbol model store ({@code sextant select-models}), compatible with the original's JSON records.
 */
package sextant.forecast.store;
