/**
 * {@code sextant run}: the trading day scheduled by market calendars, from the cycle before the open through entry
 * management and the end-of-day exits to the close, for NYSE stocks and for crypto's 24-hour UTC day. The clock is a
 * port, so the same loop runs on the system clock or jumps over history on a simulated one.
 */
package sextant.engine.run;
