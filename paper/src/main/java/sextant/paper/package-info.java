/**
 * The local paper broker: orders filled against later daily bars by the strict rule, each bar taken as a four-point
 * session path ({@code paper:daily-bar-path}) on a daily or an intraday clock, with fees, slippage and buying power,
 * persisted in the state database.
 */
package sextant.paper;
