/**
 * Instruments and daily bars, stored as primitive arrays ({@link sextant.core.market.BarSeries}).
 */
package sextant.core.market;
