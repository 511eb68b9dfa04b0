package sextant.engine.run;

import java.util.Locale;

/** The run loop's steps in one session, in the order they fall. */
public enum Step {
    /** The daily cycle for the session: decisions, entries, the plans they open under. */
    PRE_OPEN,
    /** While the session trades: fills seen, take-profits placed, stops watched (repeated every poll). */
    MANAGE,
    /** Positions due at the close get a passive limit. */
    EOD_PASSIVE,
    /** Those still open get a market order. */
    EOD_MARKETABLE,
    /** Expired entries cancelled in their plans, the account recorded. */
    AFTER_CLOSE;

    /** Lower-case spelling for logs, the journal and the ledger: {@code pre-open}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Step fromKey(String key) {
        for (Step s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run step '" + key + "'");
    }
}
