/**
 * The local paper broker: orders filled against later daily bars by the strict rule, with fees, slippage and
 * buying power, persisted in the state database.
 */
package sextant.paper;
