package sextant.core.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Full-day closures that NYSE announced outside its holiday rules, since 2000. No rule predicts these, so they are a
 * list; when NYSE announces a new one, add it here (with its reason and the announcement) and to the test. Alpaca's
 * {@code /v2/calendar} reflects them without a release, which is why a connected run prefers it.
 *
 * <p>Known for 2024–2027: only 2025-01-09, the national day of mourning for President Jimmy Carter. None are known
 * for 2024, 2026 or 2027 (as of December 2026).
 */
final class NyseSpecialClosures {
    private NyseSpecialClosures() {
    }

    /** Date to reason, oldest first. */
    static final Map<LocalDate, String> DAYS = build();

    private static Map<LocalDate, String> build() {
        Map<LocalDate, String> m = new TreeMap<>();
        m.put(LocalDate.of(2001, 9, 11), "September 11 attacks");
        m.put(LocalDate.of(2001, 9, 12), "September 11 attacks");
        m.put(LocalDate.of(2001, 9, 13), "September 11 attacks");
        m.put(LocalDate.of(2001, 9, 14), "September 11 attacks");
        m.put(LocalDate.of(2004, 6, 11), "national day of mourning for President Ronald Reagan");
        m.put(LocalDate.of(2007, 1, 2), "national day of mourning for President Gerald Ford");
        m.put(LocalDate.of(2012, 10, 29), "Hurricane Sandy");
        m.put(LocalDate.of(2012, 10, 30), "Hurricane Sandy");
        m.put(LocalDate.of(2018, 12, 5), "national day of mourning for President George H. W. Bush");
        m.put(LocalDate.of(2025, 1, 9), "national day of mourning for President Jimmy Carter");
        return java.util.Collections.unmodifiableMap(m);
    }
}
