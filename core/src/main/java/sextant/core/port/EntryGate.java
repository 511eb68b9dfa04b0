package sextant.core.port;

import sextant.core.gate.EntryStatus;

/**
 * Port: may new entries be placed now? The cycle engine asks once per cycle, before its decisions are recorded;
 * when stopped, every decision that would open exposure becomes a skip that says why, so the order phase places no
 * entry and cancels open entry orders, while take-profits and closing orders go on as usual. The file adapter
 * ({@code <state-dir>/KILL}) is the operator's kill switch.
 */
public interface EntryGate {
    /** No kill switch: entries always allowed (replays, backtests). */
    EntryGate ALWAYS_ALLOWED = () -> EntryStatus.ALLOWED;

    /** Read fresh on every call, so that turning the switch on takes effect at the next step. Never throws. */
    EntryStatus entries();
}
