package sextant.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sextant.core.port.MarketCalendar;

class FallbackCalendarTest {
    /** A broker calendar whose API is down for one year; a real adapter of the port, not a mock of it. */
    private static final class YearDown implements MarketCalendar {
        private final NyseCalendar rules = new NyseCalendar();
        private final int downYear;

        YearDown(int downYear) {
            this.downYear = downYear;
        }

        @Override
        public Optional<Session> session(LocalDate date) {
            if (date.getYear() == downYear) {
                throw new IllegalStateException("HTTP 503 from GET /v2/calendar");
            }
            // Pretends the broker knows a closure the rules do not.
            return date.equals(LocalDate.of(2026, 12, 4)) ? Optional.empty() : rules.session(date);
        }

        @Override
        public ZoneId zone() {
            return NyseCalendar.NEW_YORK;
        }

        @Override
        public String describe() {
            return "broker";
        }
    }

    @Test
    void thePrimaryAnswersWhileItCanAndTheRulesWhenItFails() {
        List<String> warnings = new ArrayList<>();
        FallbackCalendar cal = new FallbackCalendar(new YearDown(2027), new NyseCalendar(), warnings::add);

        assertThat(cal.isSession(LocalDate.of(2026, 12, 4))).isFalse();
        assertThat(warnings).isEmpty();
        assertThat(cal.nextSession(LocalDate.of(2026, 12, 31)).date()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(warnings).singleElement().asString()
                .contains("broker failed for 2027-01-01", "HTTP 503", "using nyse-rules");
        // The primary answers again, then fails again: reported again.
        assertThat(cal.isSession(LocalDate.of(2026, 12, 7))).isTrue();
        assertThat(cal.isSession(LocalDate.of(2027, 1, 5))).isTrue();
        assertThat(warnings).hasSize(2).last().asString().contains("2027-01-05");
        assertThat(cal.describe()).isEqualTo("broker (fallback nyse-rules)");
    }

    @Test
    void calendarsOfDifferentZonesAreRefused() {
        assertThatThrownBy(() -> new FallbackCalendar(new NyseCalendar(), CryptoCalendar.INSTANCE, w -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different zones");
    }
}
