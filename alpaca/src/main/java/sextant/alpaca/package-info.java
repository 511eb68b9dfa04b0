/**
 * The Alpaca adapter: trading and market-data clients over java.net.http with rate limiting, retries and
 * lookup-before-resubmit, Alpaca's order rules, and the trading stream (trade_updates over a websocket) that reports
 * fills as they happen, with polling of the fill activities as its fallback. Keys are never logged.
 */
package sextant.alpaca;
