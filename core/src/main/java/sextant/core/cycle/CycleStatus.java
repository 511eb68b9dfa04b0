package sextant.core.cycle;

import sextant.core.key.Keyed;

/**
 * How a cycle ended. The ledger stores {@link #key()}, which never changes once released; the exit code follows
 * from the status, so what is printed, what is stored and what the process returns always agree.
 */
public enum CycleStatus implements Keyed {
    /** Still running, or cut off before it could say how it ended (marked {@link #INTERRUPTED} by the next cycle). */
    RUNNING("running", 2),
    /** Every symbol was analysed and every order went through. */
    OK("ok", 0),
    /** At least one symbol could not be analysed; the others were traded. */
    SYMBOL_ERRORS("symbol_errors", 2),
    /** At least one order could not be placed or cancelled (and possibly symbol errors too). */
    ORDER_FAILURES("order_failures", 2),
    /** The cycle stopped: the broker or the ledger failed, or a state was refused. */
    FAILED("failed", 2),
    /** A previous process was killed or crashed during the cycle. */
    INTERRUPTED("interrupted", 2);

    private final String key;
    private final int exitCode;

    CycleStatus(String key, int exitCode) {
        this.key = key;
        this.exitCode = exitCode;
    }

    /** The stable name stored in the ledger's {@code cycles.status} column. */
    @Override
    public String key() {
        return key;
    }

    /** The process exit code for a cycle that ended this way (0 ok, 2 needs a look). */
    public int exitCode() {
        return exitCode;
    }

    /** The status of a cycle given how many symbols failed and how many orders failed. */
    public static CycleStatus of(long symbolErrors, long orderFailures) {
        if (orderFailures > 0) {
            return ORDER_FAILURES;
        }
        return symbolErrors > 0 ? SYMBOL_ERRORS : OK;
    }

    /**
     * Reads a stored status, including what databases written before this enum hold ("completed with order
     * failures", "failed: message").
     */
    public static CycleStatus fromKey(String stored) {
        return Keyed.find(values(), stored).orElseGet(() -> legacy(Keyed.normalised(stored), stored));
    }

    private static CycleStatus legacy(String s, String stored) {
        if (s.startsWith("failed")) {
            return FAILED;
        }
        if (s.startsWith("completed with order failures")) {
            return ORDER_FAILURES;
        }
        throw new IllegalArgumentException("unknown cycle status '" + stored + "'");
    }

    @Override
    public String toString() {
        return key;
    }
}
