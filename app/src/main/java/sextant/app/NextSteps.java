package sextant.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import sextant.core.calendar.Session;
import sextant.core.port.MarketCalendar;

/**
 * The next scheduled steps by the market calendar, for {@code sextant status}: the daily cycle (due from 00:00 UTC of
 * a session's date, when the previous crypto day has closed, until the session opens), the close of a session that is
 * trading now (when end-of-day exits are due), and the crypto day roll at 00:00 UTC.
 */
final class NextSteps {
    /** One step: what, for which session, due from when (now or later), and by when it must be done (may be empty). */
    record Step(String step, LocalDate session, Instant dueFrom, Instant until) {
        boolean dueAt(Instant t) {
            return !t.isBefore(dueFrom) && t.isBefore(until);
        }
    }

    private NextSteps() {
    }

    /** The stock step that comes next at {@code now}, then the crypto day roll. */
    static List<Step> at(Instant now, MarketCalendar stocks) {
        Session s = stocks.currentOrNextSession(now);
        Step stock;
        if (now.isBefore(s.open())) {
            stock = new Step("daily cycle", s.date(), startOfUtcDay(s.date()), s.open());
        } else {
            // Trading now: the end-of-day exits come before this close; the next cycle is for the following session.
            stock = new Step("session close (end-of-day exits)", s.date(), s.close(), s.close());
        }
        LocalDate tomorrow = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        Instant roll = startOfUtcDay(tomorrow);
        return List.of(stock, new Step("crypto day roll", tomorrow, roll, roll));
    }

    private static Instant startOfUtcDay(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
