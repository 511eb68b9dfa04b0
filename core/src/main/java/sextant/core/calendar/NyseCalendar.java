package sextant.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import sextant.core.port.MarketCalendar;

/**
 * NYSE sessions from built-in rules, for running offline: 09:30 to 16:00 New York time on weekdays that are not
 * holidays (see {@link NyseHolidays}), 13:00 on early-close days. Times are converted through America/New_York, so
 * the UTC instants follow daylight saving (a summer open is 13:30 UTC, a winter one 14:30 UTC).
 */
public final class NyseCalendar implements MarketCalendar {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    public static final LocalTime CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    private final ConcurrentMap<Integer, NyseHolidays> years = new ConcurrentHashMap<>();

    @Override
    public Optional<Session> session(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.empty();
        }
        NyseHolidays h = holidays(date.getYear());
        if (h.closedWeekdays().containsKey(date)) {
            return Optional.empty();
        }
        boolean early = h.earlyCloses().contains(date);
        return Optional.of(new Session(date, date.atTime(OPEN).atZone(NEW_YORK).toInstant(),
                date.atTime(early ? EARLY_CLOSE : CLOSE).atZone(NEW_YORK).toInstant(),
                early ? SessionKind.EARLY_CLOSE : SessionKind.REGULAR));
    }

    /** Why the market is closed on a weekday, if it is (empty on sessions and on weekends). */
    public Optional<NyseHoliday> holiday(LocalDate date) {
        return Optional.ofNullable(holidays(date.getYear()).closedWeekdays().get(date));
    }

    /** The holiday and early-close table of one year. */
    public NyseHolidays holidays(int year) {
        return years.computeIfAbsent(year, NyseHolidays::of);
    }

    @Override
    public ZoneId zone() {
        return NEW_YORK;
    }

    @Override
    public String describe() {
        return "nyse-rules";
    }
}
