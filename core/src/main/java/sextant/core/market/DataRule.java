package sextant.core.market;

import sextant.core.key.NameKeyed;

/**
 * The checks that bars pass before anything is forecast or traded. Each finding names one of these; the
 * configuration ({@code data.validation}) says which stop a symbol and which only warn. Keys are stable: they appear
 * in the configuration, in messages and in the ledger's reasons.
 */
public enum DataRule implements NameKeyed {
    /** Fewer bars in the lookback than the backtest windows need (always stops the symbol: nothing to analyse). */
    TOO_FEW_BARS,
    /** The newest bar is more than a week before the cycle date, or there is none at all (a stale file, a typo'd --as-of). */
    STALE,
    /** Consecutive bars further apart than a market closure explains: sessions are missing. */
    MISSING_SESSIONS,
    /** A bar whose wick or move is far outside the symbol's own distribution (a typo such as a high times ten). */
    OUTLIER,
    /** Bars already cached differ from the same days freshly loaded beyond rounding (a split or adjustment applied later). */
    RESTATED;
}
