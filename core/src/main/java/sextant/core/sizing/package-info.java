/**
 * Position sizing: equity fractions within the gross exposure cap and buying power.
 */
package sextant.core.sizing;
