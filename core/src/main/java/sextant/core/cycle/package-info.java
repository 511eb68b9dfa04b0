/**
 * What a cycle decides and how long each phase took: the records the engine returns and the ledger stores.
 */
package sextant.core.cycle;
