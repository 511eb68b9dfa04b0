/**
 * Orders, fills, positions and the account as the broker port speaks them, and the strict daily-bar fill rule
 * that the paper broker and the backtest kernels share.
 */
package sextant.core.order;
