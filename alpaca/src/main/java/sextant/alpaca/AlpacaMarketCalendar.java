package sextant.alpaca;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import sextant.core.calendar.NyseCalendar;
import sextant.core.calendar.Session;
import sextant.core.calendar.SessionKind;
import sextant.core.port.MarketCalendar;

/**
 * NYSE sessions as Alpaca publishes them ({@code GET /v2/calendar}): holidays, early closes and announced closures
 * included without a Sextant release. One request per calendar year, on first use, kept for the life of the
 * process. A year Alpaca has no days for (it covers 1970-2029) is refused with a message, never read as "closed
 * all year".
 */
public final class AlpacaMarketCalendar implements MarketCalendar {
    private final AlpacaTradingClient client;
    private final Map<Integer, Map<LocalDate, Session>> years = new ConcurrentHashMap<>();

    public AlpacaMarketCalendar(AlpacaTradingClient client) {
        this.client = client;
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        return Optional.ofNullable(year(date.getYear()).get(date));
    }

    private Map<LocalDate, Session> year(int year) {
        return years.computeIfAbsent(year, this::load);
    }

    private Map<LocalDate, Session> load(int year) {
        List<AlpacaCalendarDay> days = client.calendar(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        if (days.isEmpty()) {
            throw new IllegalStateException("GET /v2/calendar returned no market days for " + year
                    + " (Alpaca covers 1970-2029); use the built-in NYSE rules for that year");
        }
        Map<LocalDate, Session> m = new ConcurrentHashMap<>();
        for (AlpacaCalendarDay d : days) {
            if (d.date().getYear() != year) {
                throw new IllegalStateException("GET /v2/calendar for " + year + " returned the day " + d.date()
                        + "; refusing a calendar that does not match the request");
            }
            m.put(d.date(), toSession(d));
        }
        return m;
    }

    static Session toSession(AlpacaCalendarDay d) {
        ZoneId ny = NyseCalendar.NEW_YORK;
        SessionKind kind = d.close().isBefore(NyseCalendar.CLOSE) ? SessionKind.EARLY_CLOSE : SessionKind.REGULAR;
        LocalTime open = d.open();
        return new Session(d.date(), d.date().atTime(open).atZone(ny).toInstant(), d.date().atTime(d.close()).atZone(ny).toInstant(),
                kind);
    }

    @Override
    public ZoneId zone() {
        return NyseCalendar.NEW_YORK;
    }

    @Override
    public String describe() {
        return "alpaca:/v2/calendar";
    }
}
