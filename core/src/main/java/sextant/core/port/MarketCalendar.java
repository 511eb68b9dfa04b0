package sextant.core.port;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import sextant.core.calendar.Session;

/**
 * Port: when a market trades. A session is one trading date with its open and close instants; a date without a
 * session is a closed day (weekend, holiday, special closure). Implementations: built-in NYSE rules, Alpaca's
 * {@code /v2/calendar}, and crypto's every-day calendar. A run loop schedules its steps from these answers alone.
 */
public interface MarketCalendar {

    /** Longest run of closed days that next/previous walk over before concluding the calendar is broken. */
    int MAX_CLOSED_RUN = 14;

    /** The session on this date, or empty when the market is closed all day. */
    Optional<Session> session(LocalDate date);

    /** The zone in which dates of this calendar are counted (America/New_York for NYSE, UTC for crypto). */
    ZoneId zone();

    /** A short description for logs and the ledger, e.g. {@code nyse-rules} or {@code alpaca:/v2/calendar}. */
    String describe();

    default boolean isSession(LocalDate date) {
        return session(date).isPresent();
    }

    /** The first session strictly after {@code date}. */
    default Session nextSession(LocalDate date) {
        return nearestSession(date, 1);
    }

    /** The last session strictly before {@code date}. */
    default Session previousSession(LocalDate date) {
        return nearestSession(date, -1);
    }

    /** The first session from {@code date} in the direction of {@code step} (+1 later, -1 earlier), date excluded. */
    private Session nearestSession(LocalDate date, int step) {
        LocalDate d = date;
        for (int i = 0; i <= MAX_CLOSED_RUN; i++) {
            d = d.plusDays(step);
            Optional<Session> s = session(d);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw new IllegalStateException(describe() + ": no session within " + MAX_CLOSED_RUN + " days "
                + (step > 0 ? "after " : "before ") + date + " (the calendar has a gap; check its source)");
    }

    /** The session that is trading at {@code t} (open inclusive, close exclusive), if any. */
    default Optional<Session> sessionAt(Instant t) {
        return session(t.atZone(zone()).toLocalDate()).filter(s -> s.isOpenAt(t));
    }

    /**
     * The session that is trading at {@code t}, else the next one to open after {@code t}: the session a scheduler
     * works towards. Before today's open that is today's session; after today's close it is the next one.
     */
    default Session currentOrNextSession(Instant t) {
        LocalDate today = t.atZone(zone()).toLocalDate();
        Optional<Session> s = session(today);
        if (s.isPresent() && t.isBefore(s.get().close())) {
            return s.get();
        }
        return nextSession(today);
    }
}
