package sextant.core.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One alert: what happened, to which symbol (none for account-wide events), in words, and when. */
public record Alert(AlertLevel level, AlertEvent event, Optional<String> symbol, String message, Instant at) {
    public Alert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }

    public static Alert of(AlertLevel level, AlertEvent event, @Nullable String symbol, String message, Instant at) {
        return new Alert(level, event, Optional.ofNullable(symbol), message, at);
    }
}
