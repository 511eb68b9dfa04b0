/**
 * The built-in forecasters (naive, range-vol, ridge), and the replay controls (constant band, shuffled).
 */
package sextant.forecast;
