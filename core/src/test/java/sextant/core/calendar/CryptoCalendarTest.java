package sextant.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CryptoCalendarTest {
    private final CryptoCalendar crypto = CryptoCalendar.INSTANCE;

    @Test
    void everyDateIsASessionThatRollsAtMidnightUtc() {
        Session sat = crypto.session(LocalDate.parse("2026-12-05")).orElseThrow();
        assertThat(sat.open()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(sat.close()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(crypto.isSession(LocalDate.parse("2026-12-25"))).isTrue();
        assertThat(crypto.nextSession(LocalDate.parse("2026-12-31")).date()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(crypto.previousSession(LocalDate.parse("2026-03-01")).date()).isEqualTo(LocalDate.parse("2026-02-28"));
    }

    @Test
    void theDayRollIsUtcNotNewYork() {
        // 23:59:59 UTC belongs to that UTC date; one second later is the next crypto day, whatever New York says.
        assertThat(crypto.sessionAt(Instant.parse("2026-03-08T23:59:59Z")).orElseThrow().date())
                .isEqualTo(LocalDate.parse("2026-03-08"));
        assertThat(crypto.sessionAt(Instant.parse("2026-03-09T00:00:00Z")).orElseThrow().date())
                .isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(crypto.currentOrNextSession(Instant.parse("2026-03-09T12:00:00Z")).date())
                .isEqualTo(LocalDate.parse("2026-03-09"));
    }
}
