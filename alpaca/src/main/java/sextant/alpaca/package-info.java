/**
 * The Alpaca adapter: trading and market-data clients over java.net.http with rate limiting, retries and
 * lookup-before-resubmit, and Alpaca's order rules. Keys are never logged.
 */
package sextant.alpaca;
