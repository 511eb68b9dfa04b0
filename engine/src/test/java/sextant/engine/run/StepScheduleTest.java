package sextant.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import sextant.core.calendar.CryptoCalendar;
import sextant.core.calendar.NyseCalendar;

/** Where each step of a session falls on the NYSE and crypto calendars: a normal day, an early close, a holiday, the roll. */
class StepScheduleTest {
    private static final StepSchedule NYSE = new StepSchedule(new NyseCalendar(), Duration.ofMinutes(30),
            Duration.ofMinutes(15), Duration.ofMinutes(5));
    private static final StepSchedule CRYPTO = new StepSchedule(CryptoCalendar.INSTANCE, Duration.ZERO,
            Duration.ofMinutes(15), Duration.ofMinutes(5));

    private static Instant at(String s) {
        return Instant.parse(s);
    }

    @Test
    void aNormalDayInWinterTime() {
        DaySchedule day = NYSE.dayAt(at("2026-03-02T14:00:00Z")); // Monday, 09:00 New York (EST)
        assertThat(day.session().date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(day.preOpen()).isEqualTo(at("2026-03-02T14:00:00Z"));
        assertThat(day.open()).isEqualTo(at("2026-03-02T14:30:00Z"));
        assertThat(day.passive()).isEqualTo(at("2026-03-02T20:45:00Z"));
        assertThat(day.marketable()).isEqualTo(at("2026-03-02T20:55:00Z"));
        assertThat(day.close()).isEqualTo(at("2026-03-02T21:00:00Z"));
        assertThat(day.stepAt(at("2026-03-02T14:10:00Z"))).isEqualTo(Step.PRE_OPEN);
        assertThat(day.stepAt(at("2026-03-02T18:00:00Z"))).isEqualTo(Step.MANAGE);
        assertThat(day.stepAt(at("2026-03-02T20:50:00Z"))).isEqualTo(Step.EOD_PASSIVE);
        assertThat(day.stepAt(at("2026-03-02T20:59:59Z"))).isEqualTo(Step.EOD_MARKETABLE);
        assertThat(day.stepAt(at("2026-03-02T23:00:00Z"))).isEqualTo(Step.AFTER_CLOSE);
        assertThat(NYSE.nextBoundary(at("2026-03-02T14:00:00Z"))).isEqualTo(at("2026-03-02T14:30:00Z"));
        // Before Monday's cycle the weekend still belongs to Friday's after-close.
        DaySchedule before = NYSE.dayAt(at("2026-03-02T13:59:00Z"));
        assertThat(before.session().date()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(before.stepAt(at("2026-03-02T13:59:00Z"))).isEqualTo(Step.AFTER_CLOSE);
        assertThat(NYSE.nextBoundary(at("2026-03-01T12:00:00Z"))).isEqualTo(at("2026-03-02T14:00:00Z"));
    }

    @Test
    void summerTimeMovesTheInstantsNotTheLocalTimes() {
        DaySchedule day = NYSE.dayAt(at("2026-07-01T16:00:00Z"));
        assertThat(day.open()).isEqualTo(at("2026-07-01T13:30:00Z"));
        assertThat(day.passive()).isEqualTo(at("2026-07-01T19:45:00Z"));
    }

    @Test
    void anEarlyCloseBringsTheEndOfDayStepsForward() {
        DaySchedule day = NYSE.dayAt(at("2026-11-27T15:00:00Z")); // the day after Thanksgiving, closes 13:00
        assertThat(day.close()).isEqualTo(at("2026-11-27T18:00:00Z"));
        assertThat(day.passive()).isEqualTo(at("2026-11-27T17:45:00Z"));
        assertThat(day.marketable()).isEqualTo(at("2026-11-27T17:55:00Z"));
        assertThat(day.stepAt(at("2026-11-27T17:50:00Z"))).isEqualTo(Step.EOD_PASSIVE);
        assertThat(day.stepAt(at("2026-11-27T19:00:00Z"))).isEqualTo(Step.AFTER_CLOSE);
    }

    @Test
    void aHolidayIsPartOfTheSessionBeforeIt() {
        // Independence Day 2026 falls on a Saturday: Friday July 3 is the holiday.
        DaySchedule day = NYSE.dayAt(at("2026-07-03T15:00:00Z"));
        assertThat(day.session().date()).isEqualTo(LocalDate.of(2026, 7, 2));
        assertThat(day.stepAt(at("2026-07-03T15:00:00Z"))).isEqualTo(Step.AFTER_CLOSE);
        assertThat(NYSE.nextBoundary(at("2026-07-03T15:00:00Z"))).isEqualTo(at("2026-07-06T13:00:00Z"));
        assertThat(NYSE.following(day).session().date()).isEqualTo(LocalDate.of(2026, 7, 6));
    }

    @Test
    void cryptoRollsAtMidnightUtc() {
        DaySchedule day = CRYPTO.dayAt(at("2026-03-03T00:00:00Z"));
        assertThat(day.session().date()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(day.preOpen()).isEqualTo(day.open());
        assertThat(day.passive()).isEqualTo(at("2026-03-03T23:45:00Z"));
        assertThat(day.marketable()).isEqualTo(at("2026-03-03T23:55:00Z"));
        assertThat(CRYPTO.dayAt(at("2026-03-02T23:59:59Z")).session().date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(CRYPTO.nextBoundary(at("2026-03-02T23:56:00Z"))).isEqualTo(at("2026-03-03T00:00:00Z"));
        assertThat(CRYPTO.preceding(day).session().date()).isEqualTo(LocalDate.of(2026, 3, 2));
    }
}
