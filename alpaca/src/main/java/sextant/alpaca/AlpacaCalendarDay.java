package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;

/** One market day of GET /v2/calendar; open and close are New York times (early closes included). */
public record AlpacaCalendarDay(LocalDate date, LocalTime open, LocalTime close) {
    static AlpacaCalendarDay from(JsonNode n) {
        return new AlpacaCalendarDay(LocalDate.parse(Json.text(n, "date")), LocalTime.parse(Json.text(n, "open")),
                LocalTime.parse(Json.text(n, "close")));
    }
}
