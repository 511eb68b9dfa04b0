package sextant.alpaca.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's GET /v2/calendar: every weekday is a 09:30-16:00 session unless a test closes it or shortens it, and
 * only dates from 1970 to 2029 exist (as on Alpaca). Its own class so the route stays apart from the order code.
 */
public final class FakeCalendar {
    private static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2029, 12, 31);
    private final Set<LocalDate> closed = ConcurrentHashMap.newKeySet();
    private final Map<LocalDate, LocalTime> closes = new ConcurrentHashMap<>();
    private final Map<LocalDate, LocalTime> opens = new ConcurrentHashMap<>();

    /** Makes {@code date} a market holiday: it is left out of the answer. */
    public void closeDay(LocalDate date) {
        closed.add(date);
    }

    /** Makes {@code date} close early at {@code close} New York time. */
    public void earlyClose(LocalDate date, LocalTime close) {
        closes.put(date, close);
    }

    /**
     * Makes {@code date} a session from {@code open} to {@code close} New York time, a weekend day too: a test on the
     * real clock can have the market open whenever it runs.
     */
    public void session(LocalDate date, LocalTime open, LocalTime close) {
        closed.remove(date);
        opens.put(date, open);
        closes.put(date, close);
    }

    FakeBook.Answer answer(ObjectMapper mapper, LocalDate start, LocalDate end) {
        ArrayNode a = mapper.createArrayNode();
        LocalDate from = start.isBefore(FIRST) ? FIRST : start;
        LocalDate to = end.isAfter(LAST) ? LAST : end;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if ((d.getDayOfWeek().getValue() <= 5 || opens.containsKey(d)) && !closed.contains(d)) {
                ObjectNode n = a.addObject();
                n.put("date", d.toString());
                n.put("open", opens.getOrDefault(d, LocalTime.of(9, 30)).toString());
                n.put("close", closes.getOrDefault(d, LocalTime.of(16, 0)).toString());
                n.put("session_open", "0400");
                n.put("session_close", "2000");
                n.put("settlement_date", d.plusDays(1).toString());
            }
        }
        return new FakeBook.Answer(200, a.toString());
    }
}
