package sextant.core.strategy;

import java.util.Locale;

/**
 * How a backtest decides what a daily bar filled (see {@code docs/design.md}, "Fill models").
 *
 * <ul>
 *   <li>{@link #CONSERVATIVE} (the default): a take-profit on the entry bar counts only when the bar opened through
 *       the entry, so the entry provably came first; otherwise the position exits at the close (close-at-EOD) or
 *       is carried to the next bar under the same exit rule. Entries fill at the open when the bar opens through
 *       the limit, as the paper broker fills them. Fees are paid on both sides. AlwaysOn is scored on its buy leg
 *       only, the one leg live trading places.</li>
 *   <li>{@link #ORIGINAL}: the Python original's kernel, kept so that {@code sextant parity} reproduces it. It books
 *       same-bar round trips that a daily bar cannot prove.</li>
 * </ul>
 */
public enum FillModel {
    CONSERVATIVE("conservative"),
    ORIGINAL("original");

    private final String key;

    FillModel(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static FillModel fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (FillModel m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown fill model '" + key + "'; known: conservative, original");
    }
}
