package sextant.engine.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import sextant.core.calendar.Session;

/**
 * When each step of one session falls: the cycle {@code lead} before the open, management from the open, the passive
 * and marketable end-of-day exits before the close, and the after-close step at the close. An early close moves the
 * end-of-day steps with it, because they are counted back from the session's own close.
 */
public record DaySchedule(Session session, Instant preOpen, Instant passive, Instant marketable) {
    public DaySchedule {
        Objects.requireNonNull(session, "session");
    }

    public static DaySchedule of(Session s, Duration lead, Duration eodPassive, Duration eodMarketable) {
        Instant passive = later(s.open(), s.close().minus(eodPassive));
        Instant marketable = later(passive, s.close().minus(eodMarketable));
        return new DaySchedule(s, s.open().minus(lead), passive, marketable);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    public Instant open() {
        return session.open();
    }

    public Instant close() {
        return session.close();
    }

    /** The instant {@code step} begins. */
    public Instant start(Step step) {
        return switch (step) {
            case PRE_OPEN -> preOpen;
            case MANAGE -> open();
            case EOD_PASSIVE -> passive;
            case EOD_MARKETABLE -> marketable;
            case AFTER_CLOSE -> close();
        };
    }

    /** The step whose window holds {@code t} (the after-close step lasts until the next session's cycle). */
    public Step stepAt(Instant t) {
        if (t.isBefore(open())) {
            return Step.PRE_OPEN;
        }
        if (t.isBefore(passive)) {
            return Step.MANAGE;
        }
        if (t.isBefore(marketable)) {
            return Step.EOD_PASSIVE;
        }
        return t.isBefore(close()) ? Step.EOD_MARKETABLE : Step.AFTER_CLOSE;
    }

    public boolean isTrading(Instant t) {
        return session.isOpenAt(t);
    }
}
