package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** GET /v2/clock; a time Alpaca leaves out is null. */
public record AlpacaClock(@Nullable Instant timestamp, boolean isOpen, @Nullable Instant nextOpen,
                          @Nullable Instant nextClose) {
    static AlpacaClock from(JsonNode n) {
        return new AlpacaClock(Json.time(n, "timestamp"), Json.bool(n, "is_open"), Json.time(n, "next_open"),
                Json.time(n, "next_close"));
    }
}
