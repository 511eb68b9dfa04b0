/**
 * Replays history through the cycle's engine: {@link sextant.engine.replay.ReplayDriver} sets a session clock and
 * calls {@link sextant.engine.CycleEngine#run} once per session; the metrics are pure arithmetic over what it traded.
 */
package sextant.engine.replay;
