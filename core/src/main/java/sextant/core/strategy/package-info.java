/**
 * The strategy math over {@code double[]}: the original's kernels (reproduced exactly, see {@code sextant parity})
 * and the conservative fill model ({@link sextant.core.strategy.FillModel}). No I/O, no boxing in hot loops.
 */
package sextant.core.strategy;
