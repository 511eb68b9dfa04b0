package sextant.core.market;

/**
 * The checks that bars pass before anything is forecast or traded. Each finding names one of these; the
 * configuration ({@code data.validation}) says which stop a symbol and which only warn. Keys are stable: they appear
 * in the configuration, in messages and in the ledger's reasons.
 */
public enum DataRule {
    /** Fewer bars in the lookback than the backtest windows need (always stops the symbol: nothing to analyse). */
    TOO_FEW_BARS("too-few-bars"),
    /** The newest bar is more than a week before the cycle date, or there is none at all (a stale file, a typo'd --as-of). */
    STALE("stale"),
    /** Consecutive bars further apart than a market closure explains: sessions are missing. */
    MISSING_SESSIONS("missing-sessions"),
    /** A bar whose wick or move is far outside the symbol's own distribution (a typo such as a high times ten). */
    OUTLIER("outlier"),
    /** Bars already cached differ from the same days freshly loaded beyond rounding (a split or adjustment applied later). */
    RESTATED("restated");

    private final String key;

    DataRule(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The rule with this configuration key, or an exception listing the keys. */
    public static DataRule fromKey(String key) {
        for (DataRule r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        StringBuilder keys = new StringBuilder();
        for (DataRule r : values()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(r.key);
        }
        throw new IllegalArgumentException("unknown data rule '" + key + "' (rules: " + keys + ")");
    }
}
