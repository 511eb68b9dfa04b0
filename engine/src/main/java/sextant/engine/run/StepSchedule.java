package sextant.engine.run;

import java.time.Duration;
import java.time.Instant;
import sextant.core.calendar.Session;
import sextant.core.port.MarketCalendar;

/**
 * A group's days on its calendar: which session's day an instant belongs to, from that session's cycle up to the
 * next session's (so the evening and a weekend belong to the session before, in its after-close step), and when the
 * next step begins. Holidays have no session, so they fall inside the previous session's after-close.
 */
public record StepSchedule(MarketCalendar calendar, Duration lead, Duration eodPassive, Duration eodMarketable) {
    public DaySchedule of(Session s) {
        return DaySchedule.of(s, lead, eodPassive, eodMarketable);
    }

    /** The session day that holds {@code t}. */
    public DaySchedule dayAt(Instant t) {
        DaySchedule next = of(calendar.currentOrNextSession(t));
        if (!t.isBefore(next.preOpen())) {
            return next;
        }
        return of(calendar.previousSession(next.session().date()));
    }

    /** The session day after {@code day}. */
    public DaySchedule following(DaySchedule day) {
        return of(calendar.nextSession(day.session().date()));
    }

    /** The session day before {@code day}. */
    public DaySchedule preceding(DaySchedule day) {
        return of(calendar.previousSession(day.session().date()));
    }

    /** The first step boundary strictly after {@code t}: where something new becomes due. */
    public Instant nextBoundary(Instant t) {
        DaySchedule day = dayAt(t);
        for (Step s : Step.values()) {
            if (day.start(s).isAfter(t)) {
                return day.start(s);
            }
        }
        return following(day).preOpen();
    }
}
