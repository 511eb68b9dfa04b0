package sextant.engine;

import java.time.LocalDate;
import sextant.core.order.PositionPlan;
import sextant.core.port.MarketCalendar;

/** How many sessions a plan's position has been held: the count its time stop compares with its maximum. */
final class HeldSessions {
    private HeldSessions() {
    }

    /** Sessions from {@code from} through {@code through}, both inclusive (0 when {@code through} is before). */
    static int between(MarketCalendar calendar, LocalDate from, LocalDate through) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(through); d = d.plusDays(1)) {
            if (calendar.isSession(d)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether the plan's time stop fell at or before the close of the session before {@code day}: no loop was there
     * to close it at that close (a cron {@code cycle}, a replay, a loop that was down), so the cycle for {@code day}
     * closes it.
     */
    static boolean overdue(MarketCalendar calendar, PositionPlan plan, LocalDate day) {
        return plan.maxHoldingSessions() > 0
                && between(calendar, plan.openedSession(), day.minusDays(1)) >= plan.maxHoldingSessions();
    }

    /** Whether the plan's time stop falls at the close of {@code session}: the end-of-day step closes it. */
    static boolean dueAtClose(MarketCalendar calendar, PositionPlan plan, LocalDate session) {
        return plan.closeAtEod() || (plan.maxHoldingSessions() > 0
                && between(calendar, plan.openedSession(), session) >= plan.maxHoldingSessions());
    }
}
