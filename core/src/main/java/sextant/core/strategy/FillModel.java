package sextant.core.strategy;

import sextant.core.key.Keyed;
import sextant.core.key.NameKeyed;

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
public enum FillModel implements NameKeyed {
    CONSERVATIVE,
    ORIGINAL;

    public static FillModel fromKey(String key) {
        return Keyed.parse(values(), key, "fill model");
    }
}
