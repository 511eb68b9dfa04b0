/**
 * The forecaster SPI ({@link sextant.core.forecast.Forecaster}) and its batch, context and store types. A forecast of
 * bar t reads only bars before t; with a fixed-length context it never changes, so it is stored and computed once.
 */
package sextant.core.forecast;
