package sextant.core.market;

import java.time.LocalDate;

/**
 * One thing a data check found: which symbol, which bar date (the newest bar, or the cycle date when there is no bar),
 * which rule, and a sentence that says what was seen and what to do.
 */
public record DataFinding(Instrument instrument, LocalDate date, DataRule rule, String detail) {
    /** "outlier on 2026-03-10: ..." */
    public String describe() {
        return rule.key() + " on " + date + ": " + detail;
    }
}
