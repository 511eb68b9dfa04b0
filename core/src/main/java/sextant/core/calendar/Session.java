package sextant.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One trading session: its date (in the calendar's zone), and the instants it opens and closes. Instants, not local
 * times, so that a scheduler never has to think about daylight saving.
 */
public record Session(LocalDate date, Instant open, Instant close, SessionKind kind) {
    public Session {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(kind, "kind");
        if (!close.isAfter(open)) {
            throw new IllegalArgumentException("session " + date + ": close " + close + " is not after open " + open);
        }
    }

    /** True from the open (inclusive) to the close (exclusive). */
    public boolean isOpenAt(Instant t) {
        return !t.isBefore(open) && t.isBefore(close);
    }

    public Duration length() {
        return Duration.between(open, close);
    }
}
