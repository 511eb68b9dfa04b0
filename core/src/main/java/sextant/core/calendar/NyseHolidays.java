package sextant.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * NYSE's holiday and early-close rules (NYSE Rule 7.2 and its yearly announcements), for one year.
 *
 * <p>Observance: a holiday on a Saturday is observed on the Friday before, one on a Sunday on the Monday after;
 * except New Year's Day on a Saturday, which is not observed at all (the Friday before ends an accounting year, so
 * NYSE stays open). Juneteenth is a holiday from 2022, Martin Luther King Jr. Day from 1998.
 *
 * <p>Early closes at 13:00 New York time: the day before Independence Day when July 4 falls on Tuesday to Friday
 * (so July 3 is a Monday-to-Thursday session; when July 4 is a Saturday, July 3 is the holiday itself; when it is a
 * Sunday or Monday, the Friday before is a full day, as in 2015, 2020, 2021 and 2022), the day after Thanksgiving,
 * and Christmas Eve when it is a Monday-to-Thursday session (a Friday December 24 is the observed Christmas).
 */
public final class NyseHolidays {
    /** First and last year these rules are claimed to reproduce. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    private final int year;
    private final Map<LocalDate, NyseHoliday> closed;
    private final NavigableSet<LocalDate> earlyCloses;

    private NyseHolidays(int year, Map<LocalDate, NyseHoliday> closed, NavigableSet<LocalDate> earlyCloses) {
        this.year = year;
        this.closed = closed;
        this.earlyCloses = earlyCloses;
    }

    /** The rules applied to {@code year}; refuses years outside {@link #FIRST_YEAR}..{@link #LAST_YEAR}. */
    public static NyseHolidays of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("NYSE holiday rules cover " + FIRST_YEAR + "-" + LAST_YEAR + ", not " + year
                    + " (use a calendar from the broker for other years)");
        }
        TreeMap<LocalDate, NyseHoliday> closed = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            closed.put(observed(newYear), NyseHoliday.NEW_YEARS_DAY);
        }
        if (year >= 1998) {
            closed.put(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3), NyseHoliday.MARTIN_LUTHER_KING_JR_DAY);
        }
        closed.put(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3), NyseHoliday.WASHINGTONS_BIRTHDAY);
        closed.put(Easter.sunday(year).minusDays(2), NyseHoliday.GOOD_FRIDAY);
        closed.put(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                NyseHoliday.MEMORIAL_DAY);
        if (year >= 2022) {
            closed.put(observed(LocalDate.of(year, 6, 19)), NyseHoliday.JUNETEENTH);
        }
        LocalDate july4 = LocalDate.of(year, 7, 4);
        closed.put(observed(july4), NyseHoliday.INDEPENDENCE_DAY);
        closed.put(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), NyseHoliday.LABOR_DAY);
        LocalDate thanksgiving = nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
        closed.put(thanksgiving, NyseHoliday.THANKSGIVING_DAY);
        LocalDate christmas = LocalDate.of(year, 12, 25);
        closed.put(observed(christmas), NyseHoliday.CHRISTMAS_DAY);
        NyseSpecialClosures.DAYS.keySet().stream().filter(d -> d.getYear() == year)
                .forEach(d -> closed.putIfAbsent(d, NyseHoliday.SPECIAL_CLOSURE));

        TreeSet<LocalDate> early = new TreeSet<>();
        addIfShortenable(early, closed, july4.minusDays(1));
        addIfShortenable(early, closed, thanksgiving.plusDays(1));
        addIfShortenable(early, closed, christmas.minusDays(1));
        return new NyseHolidays(year, Collections.unmodifiableMap(closed), Collections.unmodifiableNavigableSet(early));
    }

    public int year() {
        return year;
    }

    /** Weekdays on which NYSE is closed, with the reason, in date order. */
    public Map<LocalDate, NyseHoliday> closedWeekdays() {
        return closed;
    }

    /** Sessions that close at 13:00 New York time, in date order. */
    public NavigableSet<LocalDate> earlyCloses() {
        return earlyCloses;
    }

    /** Saturday to the Friday before, Sunday to the Monday after. */
    private static LocalDate observed(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Only a weekday that is a session is shortened: a Friday December 24 or July 3 is itself the observed holiday. */
    private static void addIfShortenable(Set<LocalDate> early, Map<LocalDate, NyseHoliday> closed, LocalDate d) {
        boolean weekday = d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
        if (weekday && !closed.containsKey(d)) {
            early.add(d);
        }
    }
}
