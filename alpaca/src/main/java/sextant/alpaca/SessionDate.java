package sextant.alpaca;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The cycle date on a real account, from Alpaca's clock and calendar rather than the local clock: the next session
 * that Alpaca says opens. A cycle dated D trades session D from the bars before D, so it is only run when every bar
 * before D is closed and no order can meet a session already under way:
 * <ul>
 *   <li>the market is open: refused (orders priced from yesterday's bars would meet today's session half-way);</li>
 *   <li>after a session's close and before 00:00 UTC: refused (that day's crypto bar is still forming, and the
 *       local date would still name the session that just closed).</li>
 * </ul>
 */
public record SessionDate(@Nullable LocalDate day, @Nullable String refusal) {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    public boolean refused() {
        return refusal != null;
    }

    /** Pure: decides from one clock reading and the calendar days around it. */
    public static SessionDate decide(AlpacaClock clock, List<AlpacaCalendarDay> calendar) {
        Instant now = clock.timestamp();
        if (now == null || clock.nextOpen() == null) {
            return new SessionDate(null, "Alpaca's clock gave no time or next open; nothing was sent, try again later");
        }
        if (clock.isOpen()) {
            return new SessionDate(null, "the market is open (Alpaca's clock: " + now + "); a cycle trades the next session"
                    + " from closed bars: run it after 00:00 UTC and before the open; nothing was sent");
        }
        LocalDate next = clock.nextOpen().atZone(NEW_YORK).toLocalDate();
        Optional<AlpacaCalendarDay> session = calendar.stream().filter(d -> !d.date().isBefore(next)).findFirst();
        if (session.isEmpty()) {
            return new SessionDate(null, "Alpaca's calendar has no session on or after " + next + "; nothing was sent");
        }
        LocalDate todayNy = now.atZone(NEW_YORK).toLocalDate();
        LocalDate todayUtc = now.atZone(ZoneOffset.UTC).toLocalDate();
        boolean sessionClosedToday = calendar.stream().anyMatch(d -> d.date().equals(todayNy)
                && !now.isBefore(d.date().atTime(d.close()).atZone(NEW_YORK).toInstant()));
        if (sessionClosedToday && todayUtc.equals(todayNy)) {
            return new SessionDate(null, "today's session has closed but the UTC day has not (Alpaca's clock: " + now
                    + "); today's crypto bar is still forming: run the cycle after 00:00 UTC; nothing was sent");
        }
        return new SessionDate(session.get().date(), null);
    }

    /** Asks Alpaca (GET /v2/clock, GET /v2/calendar) and decides. */
    public static SessionDate from(AlpacaTradingClient client) {
        AlpacaClock clock = client.clock();
        LocalDate from = (clock.timestamp() != null ? clock.timestamp() : Instant.now()).atZone(NEW_YORK).toLocalDate();
        return decide(clock, client.calendar(from, from.plusDays(10)));
    }
}
