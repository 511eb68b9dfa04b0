/**
 * SQLite adapters: the state database with its migrations, the bar cache, the forecast store and the ledger.
 */
package sextant.store;
