package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.core.calendar.NyseCalendar;
import sextant.core.calendar.Session;
import sextant.core.calendar.SessionKind;

/** The Alpaca calendar adapter over real HTTP against the fake Alpaca server. */
class AlpacaMarketCalendarTest {
    private FakeAlpacaServer fake;
    private AlpacaMarketCalendar calendar;

    @BeforeEach
    void start() {
        fake = FakeAlpacaServer.start();
        calendar = new AlpacaMarketCalendar(FakeSetup.client(fake, FakeSetup.time()));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void holidaysAndEarlyClosesComeFromTheBrokerInNewYorkTime() {
        fake.calendar().closeDay(d("2025-01-09"));
        fake.calendar().earlyClose(d("2025-07-03"), LocalTime.of(13, 0));
        fake.calendar().earlyClose(d("2025-11-28"), LocalTime.of(13, 0));

        assertThat(calendar.isSession(d("2025-01-09"))).isFalse();
        assertThat(calendar.isSession(d("2025-01-11"))).isFalse();
        assertThat(calendar.nextSession(d("2025-01-08")).date()).isEqualTo(d("2025-01-10"));
        Session july3 = calendar.session(d("2025-07-03")).orElseThrow();
        assertThat(july3.kind()).isEqualTo(SessionKind.EARLY_CLOSE);
        assertThat(july3.open()).isEqualTo(Instant.parse("2025-07-03T13:30:00Z"));
        assertThat(july3.close()).isEqualTo(Instant.parse("2025-07-03T17:00:00Z"));
        Session nov28 = calendar.session(d("2025-11-28")).orElseThrow();
        assertThat(nov28.close()).isEqualTo(Instant.parse("2025-11-28T18:00:00Z"));
        Session winter = calendar.session(d("2025-12-01")).orElseThrow();
        assertThat(winter.kind()).isEqualTo(SessionKind.REGULAR);
        assertThat(winter.open()).isEqualTo(Instant.parse("2025-12-01T14:30:00Z"));
        assertThat(winter.close()).isEqualTo(Instant.parse("2025-12-01T21:00:00Z"));
        assertThat(calendar.currentOrNextSession(Instant.parse("2025-01-08T21:00:00Z")).date()).isEqualTo(d("2025-01-10"));
    }

    @Test
    void oneRequestPerYearAndTheYearIsAsked() {
        for (LocalDate x = d("2026-01-01"); x.getYear() == 2026; x = x.plusDays(1)) {
            calendar.session(x);
        }
        calendar.previousSession(d("2026-01-01"));
        assertThat(fake.requestCount("GET /v2/calendar")).isEqualTo(2);
        assertThat(fake.lastQuery("/v2/calendar")).containsEntry("start", "2025-01-01").containsEntry("end", "2025-12-31");
    }

    @Test
    void agreesWithTheBuiltInRulesWhenTheBrokerHasTheSameClosures() {
        NyseCalendar rules = new NyseCalendar();
        rules.holidays(2026).closedWeekdays().keySet().forEach(fake.calendar()::closeDay);
        rules.holidays(2026).earlyCloses().forEach(x -> fake.calendar().earlyClose(x, LocalTime.of(13, 0)));
        for (LocalDate x = d("2026-01-01"); x.getYear() == 2026; x = x.plusDays(1)) {
            assertThat(calendar.session(x)).as(x.toString()).isEqualTo(rules.session(x));
        }
    }

    @Test
    void aYearWithoutDaysIsRefusedNotTakenAsClosed() {
        assertThatThrownBy(() -> calendar.session(d("2031-03-03")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2031").hasMessageContaining("built-in NYSE rules");
    }
}
