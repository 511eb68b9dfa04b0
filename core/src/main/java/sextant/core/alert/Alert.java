package sextant.core.alert;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One alert: what happened, to which symbol (none for account-wide events), in words, and when. Only Sextant's own
 * code builds alerts, and NullAway checks all of it at compile time, so the components are not checked again here
 * (unlike an order request or a plan, whose values come from the broker, the ledger and the configuration).
 */
public record Alert(AlertLevel level, AlertEvent event, Optional<String> symbol, String message, Instant at) {

    public static Alert of(AlertLevel level, AlertEvent event, @Nullable String symbol, String message, Instant at) {
        return new Alert(level, event, Optional.ofNullable(symbol), message, at);
    }
}
