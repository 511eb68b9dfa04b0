package sextant.core.cycle;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the cycle decided to do with one symbol. {@link #key()} is the stable text stored in the ledger's
 * {@code decisions.action} column and read by the HTML report, so databases written while the action was a string
 * read the same.
 */
public enum Action {
    /** Enter a new position (the portfolio step has sized it). */
    TRADE("trade"),
    /** Keep the position Sextant already holds on this symbol; its exit is managed. */
    HOLD("hold"),
    /** Analysed, nothing to do (no strategy qualified, or the portfolio had no room). */
    SKIP("skip"),
    /** Could not be analysed: its positions and orders are left exactly as they are. */
    ERROR("error");

    private final String key;

    Action(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Action fromKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (Action a : values()) {
            if (a.key.equals(k)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown decision action '" + key + "' in the ledger; known: "
                + Arrays.stream(values()).map(Action::key).toList());
    }

    @Override
    public String toString() {
        return key;
    }
}
