package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** GET /v2/clock. */
public record AlpacaClock(Instant timestamp, boolean isOpen, Instant nextOpen, Instant nextClose) {
    static AlpacaClock from(JsonNode n) {
        return new AlpacaClock(Json.time(n, "timestamp"), Json.bool(n, "is_open"), Json.time(n, "next_open"),
                Json.time(n, "next_close"));
    }
}
