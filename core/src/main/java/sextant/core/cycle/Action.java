package sextant.core.cycle;

import sextant.core.key.NameKeyed;

/**
 * What the cycle decided to do with one symbol. {@link #key()} is the stable text stored in the ledger's
 * {@code decisions.action} column and read by the HTML report, so databases written while the action was a string
 * read the same ({@code Keyed.parse} reads it back).
 */
public enum Action implements NameKeyed {
    /** Enter a new position (the portfolio step has sized it). */
    TRADE,
    /** Keep the position Sextant already holds on this symbol; its exit is managed. */
    HOLD,
    /** Analysed, nothing to do (no strategy qualified, or the portfolio had no room). */
    SKIP,
    /** Could not be analysed: its positions and orders are left exactly as they are. */
    ERROR;

    @Override
    public String toString() {
        return key();
    }
}
