package sextant.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules against the holiday and early-close lists NYSE published (press releases of NYSE Group:
 * "2024, 2025 and 2026" and "2025, 2026 and 2027 Holiday and Early Closings Calendar", plus the 2025-01-09 closure
 * for President Carter). The dates below are copied from those lists, not computed.
 */
class NyseCalendarTest {
    private final NyseCalendar nyse = new NyseCalendar();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static List<LocalDate> dates(String... s) {
        return java.util.Arrays.stream(s).map(LocalDate::parse).toList();
    }

    @Test
    void closuresMatchNysePublishedLists2024To2027() {
        assertThat(nyse.holidays(2024).closedWeekdays().keySet()).containsExactlyElementsOf(dates(
                "2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04",
                "2024-09-02", "2024-11-28", "2024-12-25"));
        assertThat(nyse.holidays(2025).closedWeekdays().keySet()).containsExactlyElementsOf(dates(
                "2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19",
                "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25"));
        assertThat(nyse.holidays(2026).closedWeekdays().keySet()).containsExactlyElementsOf(dates(
                "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03",
                "2026-09-07", "2026-11-26", "2026-12-25"));
        assertThat(nyse.holidays(2027).closedWeekdays().keySet()).containsExactlyElementsOf(dates(
                "2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18", "2027-07-05",
                "2027-09-06", "2027-11-25", "2027-12-24"));
    }

    @Test
    void earlyClosesMatchNysePublishedLists2024To2027() {
        assertThat(nyse.holidays(2024).earlyCloses()).containsExactlyElementsOf(dates("2024-07-03", "2024-11-29", "2024-12-24"));
        assertThat(nyse.holidays(2025).earlyCloses()).containsExactlyElementsOf(dates("2025-07-03", "2025-11-28", "2025-12-24"));
        // July 4 2026 is a Saturday: July 3 is the holiday and July 2 a full day.
        assertThat(nyse.holidays(2026).earlyCloses()).containsExactlyElementsOf(dates("2026-11-27", "2026-12-24"));
        // July 4 2027 is a Sunday and December 25 a Saturday: only the day after Thanksgiving is short.
        assertThat(nyse.holidays(2027).earlyCloses()).containsExactlyElementsOf(dates("2027-11-26"));
    }

    @Test
    void theReasonIsNamedForObservedAndSpecialClosures() {
        assertThat(nyse.holiday(d("2025-01-09"))).contains(NyseHoliday.SPECIAL_CLOSURE);
        assertThat(nyse.holiday(d("2026-07-03"))).contains(NyseHoliday.INDEPENDENCE_DAY);
        assertThat(nyse.holiday(d("2027-06-18"))).contains(NyseHoliday.JUNETEENTH);
        assertThat(nyse.holiday(d("2027-12-24"))).contains(NyseHoliday.CHRISTMAS_DAY);
        assertThat(nyse.holiday(d("2027-03-26"))).contains(NyseHoliday.GOOD_FRIDAY);
        assertThat(nyse.holiday(d("2025-01-08"))).isEmpty();
        assertThat(nyse.holiday(d("2025-01-11"))).isEmpty();
    }

    @Test
    void tradingDaysPerYearFollowFromTheLists() {
        assertThat(countSessions(2024)).isEqualTo(252);
        assertThat(countSessions(2025)).isEqualTo(250);
        assertThat(countSessions(2026)).isEqualTo(251);
        assertThat(countSessions(2027)).isEqualTo(251);
    }

    private long countSessions(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).filter(nyse::isSession).count();
    }

    @Test
    void aSaturdayNewYearsDayIsNotObservedOnTheFridayBefore() {
        // 2022-01-01 and 2028-01-01 are Saturdays: December 31 before each is a full session, and so is the Monday after.
        assertThat(nyse.session(d("2021-12-31"))).get().extracting(Session::kind).isEqualTo(SessionKind.REGULAR);
        assertThat(nyse.session(d("2027-12-31"))).get().extracting(Session::kind).isEqualTo(SessionKind.REGULAR);
        assertThat(nyse.isSession(d("2028-01-03"))).isTrue();
        assertThat(nyse.holidays(2028).closedWeekdays()).doesNotContainValue(NyseHoliday.NEW_YEARS_DAY);
        // A Sunday New Year's Day is observed on the Monday (2023-01-02).
        assertThat(nyse.holiday(d("2023-01-02"))).contains(NyseHoliday.NEW_YEARS_DAY);
    }

    @Test
    void olderPublishedYearsAgree() {
        // NYSE 2015/2016 lists: Independence Day observed Friday 2015-07-03 with no early close on July 2; Christmas
        // 2016 observed Monday December 26 and no Christmas Eve early close; no Juneteenth before 2022.
        assertThat(nyse.holiday(d("2015-07-03"))).contains(NyseHoliday.INDEPENDENCE_DAY);
        assertThat(nyse.holidays(2015).earlyCloses()).containsExactlyElementsOf(dates("2015-11-27", "2015-12-24"));
        assertThat(nyse.holiday(d("2016-12-26"))).contains(NyseHoliday.CHRISTMAS_DAY);
        assertThat(nyse.holidays(2016).earlyCloses()).containsExactlyElementsOf(dates("2016-11-25"));
        assertThat(nyse.isSession(d("2021-06-18"))).isTrue();
        assertThat(nyse.holiday(d("2022-06-20"))).contains(NyseHoliday.JUNETEENTH);
        assertThat(nyse.holiday(d("2018-12-05"))).contains(NyseHoliday.SPECIAL_CLOSURE);
    }

    @Test
    void openAndCloseInstantsFollowDaylightSaving() {
        // US daylight saving 2026 starts Sunday March 8 and ends Sunday November 1.
        Session friday = nyse.session(d("2026-03-06")).orElseThrow();
        assertThat(friday.open()).isEqualTo(Instant.parse("2026-03-06T14:30:00Z"));
        assertThat(friday.close()).isEqualTo(Instant.parse("2026-03-06T21:00:00Z"));
        Session monday = nyse.session(d("2026-03-09")).orElseThrow();
        assertThat(monday.open()).isEqualTo(Instant.parse("2026-03-09T13:30:00Z"));
        assertThat(monday.close()).isEqualTo(Instant.parse("2026-03-09T20:00:00Z"));
        assertThat(nyse.session(d("2026-11-02")).orElseThrow().open()).isEqualTo(Instant.parse("2026-11-02T14:30:00Z"));
    }

    @Test
    void earlyClosesEndAtOnePmNewYorkTime() {
        Session july3 = nyse.session(d("2025-07-03")).orElseThrow();
        assertThat(july3.kind()).isEqualTo(SessionKind.EARLY_CLOSE);
        assertThat(july3.close()).isEqualTo(Instant.parse("2025-07-03T17:00:00Z")); // EDT
        Session blackFriday = nyse.session(d("2026-11-27")).orElseThrow();
        assertThat(blackFriday.close()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z")); // EST
        assertThat(blackFriday.length()).hasMinutes(210);
        assertThat(nyse.sessionAt(Instant.parse("2026-11-27T17:59:59Z"))).isPresent();
        assertThat(nyse.sessionAt(Instant.parse("2026-11-27T18:00:00Z"))).isEmpty();
    }

    @Test
    void nextAndPreviousSessionsSkipWeekendsAndHolidays() {
        assertThat(nyse.nextSession(d("2025-01-08")).date()).isEqualTo(d("2025-01-10"));
        assertThat(nyse.nextSession(d("2026-04-02")).date()).isEqualTo(d("2026-04-06"));
        assertThat(nyse.nextSession(d("2027-12-23")).date()).isEqualTo(d("2027-12-27"));
        assertThat(nyse.previousSession(d("2026-01-05")).date()).isEqualTo(d("2026-01-02"));
        assertThat(nyse.previousSession(d("2027-07-06")).date()).isEqualTo(d("2027-07-02"));
        assertThat(nyse.nextSession(d("2026-12-31")).date()).isEqualTo(d("2027-01-04"));
    }

    @Test
    void sessionAtAndCurrentOrNextAnswerForAnyInstant() {
        assertThat(nyse.sessionAt(Instant.parse("2026-12-02T14:30:00Z"))).get().extracting(Session::date)
                .isEqualTo(d("2026-12-02"));
        assertThat(nyse.sessionAt(Instant.parse("2026-12-02T14:29:59Z"))).isEmpty();
        assertThat(nyse.sessionAt(Instant.parse("2026-12-02T21:00:00Z"))).isEmpty();
        // Before the open: today's session. After the close: the next one. On a Saturday: Monday's.
        assertThat(nyse.currentOrNextSession(Instant.parse("2026-12-02T06:00:00Z")).date()).isEqualTo(d("2026-12-02"));
        assertThat(nyse.currentOrNextSession(Instant.parse("2026-12-02T20:59:59Z")).date()).isEqualTo(d("2026-12-02"));
        assertThat(nyse.currentOrNextSession(Instant.parse("2026-12-02T21:00:00Z")).date()).isEqualTo(d("2026-12-03"));
        assertThat(nyse.currentOrNextSession(Instant.parse("2026-12-05T15:00:00Z")).date()).isEqualTo(d("2026-12-07"));
        // 03:00 UTC on a Thursday is still Wednesday evening in New York: the next session is Thursday's.
        assertThat(nyse.currentOrNextSession(Instant.parse("2026-12-03T03:00:00Z")).date()).isEqualTo(d("2026-12-03"));
    }

    @Test
    void easterByTheComputus() {
        assertThat(Easter.sunday(2024)).isEqualTo(d("2024-03-31"));
        assertThat(Easter.sunday(2025)).isEqualTo(d("2025-04-20"));
        assertThat(Easter.sunday(2026)).isEqualTo(d("2026-04-05"));
        assertThat(Easter.sunday(2027)).isEqualTo(d("2027-03-28"));
        assertThat(Easter.sunday(2038)).isEqualTo(d("2038-04-25"));
        assertThat(Easter.sunday(2285)).isEqualTo(d("2285-03-22"));
    }

    @Test
    void yearsOutsideTheRulesAreRefusedWithTheRange() {
        assertThatThrownBy(() -> nyse.session(d("1999-03-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000-2099").hasMessageContaining("1999");
    }
}
