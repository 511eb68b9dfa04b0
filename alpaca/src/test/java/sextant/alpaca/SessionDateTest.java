package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeAlpacaServer;

/** Defect 3: the cycle date on Alpaca comes from Alpaca's clock and calendar, and bad times are refused. */
class SessionDateTest {
    static final List<AlpacaCalendarDay> CAL = List.of(
            day("2026-11-30"), day("2026-12-01"), day("2026-12-02"), day("2026-12-03"), day("2026-12-04"), day("2026-12-07"));

    static AlpacaCalendarDay day(String d) {
        return new AlpacaCalendarDay(LocalDate.parse(d), LocalTime.of(9, 30), LocalTime.of(16, 0));
    }

    static AlpacaClock clock(String now, boolean open, String nextOpen) {
        return new AlpacaClock(Instant.parse(now), open, Instant.parse(nextOpen), null);
    }

    @Test
    void beforeTheOpenTheCycleDateIsTodaysSession() {
        SessionDate d = SessionDate.decide(clock("2026-12-01T06:00:00Z", false, "2026-12-01T14:30:00Z"), CAL);
        assertThat(d.refused()).isFalse();
        assertThat(d.day()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void afterAFridayCloseAndMidnightUtcTheCycleDateIsMonday() {
        SessionDate d = SessionDate.decide(clock("2026-12-05T10:00:00Z", false, "2026-12-07T14:30:00Z"), CAL);
        assertThat(d.day()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void anOpenMarketIsRefused() {
        SessionDate d = SessionDate.decide(clock("2026-12-01T16:00:00Z", true, "2026-12-02T14:30:00Z"), CAL);
        assertThat(d.refused()).isTrue();
        assertThat(d.refusal()).contains("market is open").contains("nothing was sent");
    }

    @Test
    void betweenTheCloseAndMidnightUtcIsRefused() {
        // 22:00 UTC on Tuesday: Tuesday's session closed at 21:00 UTC, the UTC day (and its crypto bar) has not ended.
        SessionDate d = SessionDate.decide(clock("2026-12-01T22:00:00Z", false, "2026-12-02T14:30:00Z"), CAL);
        assertThat(d.refused()).isTrue();
        assertThat(d.refusal()).contains("after 00:00 UTC");
        // Past midnight UTC the same session is fine: Wednesday is the cycle date.
        SessionDate later = SessionDate.decide(clock("2026-12-02T01:00:00Z", false, "2026-12-02T14:30:00Z"), CAL);
        assertThat(later.day()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void readsAlpacasClockAndCalendarOverHttp() {
        try (FakeAlpacaServer fake = FakeAlpacaServer.start()) {
            fake.marketTime(Instant.parse("2026-12-02T06:00:00Z"));
            FakeTime t = FakeSetup.time();
            SessionDate d = SessionDate.from(FakeSetup.client(fake, t));
            assertThat(d.day()).isEqualTo(LocalDate.of(2026, 12, 2));
            assertThat(fake.requestCount("GET /v2/clock")).isEqualTo(1);
            assertThat(fake.requestCount("GET /v2/calendar")).isEqualTo(1);
        }
    }
}
