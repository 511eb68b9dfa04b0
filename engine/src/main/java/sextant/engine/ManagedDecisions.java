package sextant.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sextant.core.backtest.StrategyId;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.PlanStatus;
import sextant.core.order.Position;
import sextant.core.order.PositionPlan;

/**
 * A position opened under a plan is managed by that plan, not by whichever strategy wins a later cycle: its
 * decision becomes HOLD with the plan's side and take-profit, so its exit stays what the backtest that chose it
 * assumed. A plan whose time stop has passed with no loop there to close it becomes a close (the cycle before the
 * open does what the end-of-day step would have done). A symbol that could not be analysed (ERROR) keeps its
 * decision: its position and orders stay exactly as they are.
 */
final class ManagedDecisions {
    private ManagedDecisions() {
    }

    /** @param open the plan managing each position ({@link #managing}) */
    static List<SymbolDecision> apply(List<SymbolDecision> decisions, Map<Instrument, PositionPlan> open,
                                      List<Position> ownPositions, LocalDate day, SessionCalendars calendars) {
        if (open.isEmpty()) {
            return decisions;
        }
        Map<Instrument, Position> held = new HashMap<>();
        ownPositions.forEach(p -> held.put(p.instrument(), p));
        List<SymbolDecision> out = new ArrayList<>(decisions.size());
        for (SymbolDecision d : decisions) {
            PositionPlan plan = open.get(d.instrument());
            out.add(plan == null || d.action() == Action.ERROR ? d
                    : managed(d, plan, Objects.requireNonNull(held.get(d.instrument()),
                            "managing() keeps only the plans of positions that are held"), day, calendars));
        }
        return out;
    }

    /**
     * The plan managing each of Sextant's positions: an open plan on the side the position is held (oldest first: the
     * plan that opened it). The portfolio counts these positions as taken slots before it sizes new entries.
     */
    static Map<Instrument, PositionPlan> managing(List<PositionPlan> plans, List<Position> ownPositions) {
        Map<Instrument, Position> held = new HashMap<>();
        ownPositions.forEach(p -> held.put(p.instrument(), p));
        Map<Instrument, PositionPlan> open = new HashMap<>();
        for (PositionPlan p : plans) {
            Position pos = held.get(p.instrument());
            if (p.status() == PlanStatus.OPEN && pos != null && pos.side() == p.side()) {
                open.putIfAbsent(p.instrument(), p);
            }
        }
        return open;
    }

    private static SymbolDecision managed(SymbolDecision d, PositionPlan plan, Position pos, LocalDate day,
                                          SessionCalendars calendars) {
        String by = describe(plan);
        if (HeldSessions.overdue(calendars.of(plan.instrument()), plan, day)) {
            return SymbolDecision.skip(d.instrument(), "time stop: held " + plan.maxHoldingSessions() + " session(s), "
                    + "the most its plan allows; closing (" + by + "); the cycle's pick: " + d.reason());
        }
        return new SymbolDecision(d.instrument(), Action.HOLD, strategy(plan), plan.side(), d.score(), plan.entryPrice(),
                plan.takeProfitPrice(), Math.abs(pos.qty()), by + "; the cycle's pick: " + d.reason(), false,
                plan.closeAtEod());
    }

    /** "managed by plan #12 from 2026-03-02 (maxdiff)". */
    static String describe(PositionPlan plan) {
        return "managed by plan #" + plan.id() + " from " + plan.openedSession() + " (" + plan.strategy() + ")";
    }

    private static @Nullable StrategyId strategy(PositionPlan plan) {
        try {
            return StrategyId.fromKey(plan.strategy());
        } catch (IllegalArgumentException e) {
            return null; // a plan from a strategy this version no longer has: the decision names it in its reason
        }
    }
}
