package sextant.engine.replay;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import sextant.engine.run.TradingClockView;

/**
 * The replay's clock: the session being traded. The paper broker reads it to know which bars are closed, exactly as
 * it reads the cycle date of {@code sextant cycle --as-of}.
 */
public final class SessionDate implements Supplier<LocalDate> {
    private volatile LocalDate day;

    public SessionDate(LocalDate day) {
        this.day = day;
    }

    @Override
    public LocalDate get() {
        return day;
    }

    void set(LocalDate d) {
        this.day = d;
    }

    /** A clock that reads the session: mid-day UTC of the session being traded (for the ledger's timestamps). */
    public Clock clock() {
        return new TradingClockView(() -> day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }
}
