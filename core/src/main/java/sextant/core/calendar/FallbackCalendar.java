package sextant.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import sextant.core.port.MarketCalendar;

/**
 * The broker's calendar while it answers, the built-in rules when it does not: a run loop must still know when the
 * market opens while the broker's API is down. A date the primary fails on is answered by the fallback, and the
 * primary is asked again next time. Both calendars must count dates in the same zone. A run of failures is reported
 * once (the first date and the cause, for the log and the alerts), not once per date asked, so that a scheduler
 * walking over days does not flood the alerts; after the primary answers again, the next failure is reported again.
 */
public final class FallbackCalendar implements MarketCalendar {
    private final MarketCalendar primary;
    private final MarketCalendar fallback;
    private final Consumer<String> onFallback;
    private volatile boolean degraded;

    public FallbackCalendar(MarketCalendar primary, MarketCalendar fallback, Consumer<String> onFallback) {
        if (!primary.zone().equals(fallback.zone())) {
            throw new IllegalArgumentException("calendars " + primary.describe() + " and " + fallback.describe()
                    + " count dates in different zones (" + primary.zone() + ", " + fallback.zone() + ")");
        }
        this.primary = primary;
        this.fallback = fallback;
        this.onFallback = Objects.requireNonNull(onFallback, "onFallback");
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        Optional<Session> answer;
        try {
            answer = primary.session(date);
        } catch (RuntimeException e) {
            if (!degraded) {
                degraded = true;
                onFallback.accept(primary.describe() + " failed for " + date + " (" + e.getMessage() + "); using "
                        + fallback.describe() + " until it answers again");
            }
            return fallback.session(date);
        }
        degraded = false;
        return answer;
    }

    @Override
    public ZoneId zone() {
        return primary.zone();
    }

    @Override
    public String describe() {
        return primary.describe() + " (fallback " + fallback.describe() + ")";
    }
}
