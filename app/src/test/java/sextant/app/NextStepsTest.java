package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.calendar.NyseCalendar;

/** The next step by the built-in NYSE rules: before the open, while trading, on a holiday weekend. */
class NextStepsTest {
    private final NyseCalendar nyse = new NyseCalendar();

    @Test
    void beforeTheOpenTheDailyCycleIsDueUntilTheOpen() {
        Instant now = Instant.parse("2026-12-03T05:00:00Z");
        List<NextSteps.Step> steps = NextSteps.at(now, nyse);
        NextSteps.Step cycle = steps.get(0);
        assertThat(cycle.step()).isEqualTo("daily cycle");
        assertThat(cycle.session()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(cycle.dueFrom()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(cycle.until()).isEqualTo(Instant.parse("2026-12-03T14:30:00Z")); // 09:30 New York, winter time
        assertThat(cycle.dueAt(now)).isTrue();
        assertThat(steps.get(1).dueFrom()).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
    }

    @Test
    void whileTradingTheCloseComesNextAndAfterItTheNextSessionsCycle() {
        NextSteps.Step open = NextSteps.at(Instant.parse("2026-07-02T15:00:00Z"), nyse).get(0);
        assertThat(open.step()).startsWith("session close");
        assertThat(open.dueFrom()).isEqualTo(Instant.parse("2026-07-02T20:00:00Z")); // 16:00 New York, summer time

        // After the close on Thursday 2 July 2026: Friday 3 July is the Independence Day holiday (observed).
        NextSteps.Step after = NextSteps.at(Instant.parse("2026-07-02T21:00:00Z"), nyse).get(0);
        assertThat(after.step()).isEqualTo("daily cycle");
        assertThat(after.session()).isEqualTo(LocalDate.of(2026, 7, 6));
        assertThat(after.dueAt(Instant.parse("2026-07-02T21:00:00Z"))).isFalse();
    }
}
