/**
 * Market-data adapters: a CSV directory (three layouts), the seeded synthetic market, and bars preloaded once
 * for a replay.
 */
package sextant.data;
