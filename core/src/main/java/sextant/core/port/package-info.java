/**
 * The ports the engine depends on: market data, broker and ledger. Adapters live in the data, store, paper and
 * alpaca modules; the app wires them.
 */
package sextant.core.port;
