/**
 * Stable text keys of enums ({@link sextant.core.key.Keyed}): how the ledger and the configuration name a constant.
 */
package sextant.core.key;
