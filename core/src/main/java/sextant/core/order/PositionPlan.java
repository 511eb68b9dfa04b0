package sextant.core.order;

import java.time.LocalDate;
import java.util.Objects;
import sextant.core.market.Instrument;

/**
 * The plan a position was opened under: which cycle and strategy entered it and how it is to be exited. The plan,
 * not whichever strategy wins a later cycle, manages the position until it is flat (issue 13): its take-profit,
 * its optional protective stop, a close before the end of the session for close-at-EOD strategies, and a time stop
 * after {@code maxHoldingSessions} sessions.
 *
 * @param id                 the ledger's id (0 before it is recorded)
 * @param openedSession      the session the entry was placed for
 * @param strategy           the strategy's stable name
 * @param entryClientOrderId the entry order's client order id (Sextant's prefix)
 * @param entryPrice         the planned entry (limit, or the reference price of a market entry)
 * @param takeProfitPrice    NaN when the plan has no take-profit
 * @param stopPrice          NaN when the plan has no protective stop
 * @param closeAtEod         flatten before the close of the session the entry filled in
 * @param maxHoldingSessions close at the end of this many sessions counted from the entry's session (0: no time stop)
 */
public record PositionPlan(long id, Instrument instrument, Side side, double qty, long openedCycleId,
                           LocalDate openedSession, String strategy, String entryClientOrderId, double entryPrice,
                           double takeProfitPrice, double stopPrice, boolean closeAtEod, int maxHoldingSessions,
                           PlanStatus status, String note) {
    public PositionPlan {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(openedSession, "openedSession");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(entryClientOrderId, "entryClientOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(note, "note");
        if (!(qty > 0)) {
            throw new IllegalArgumentException(instrument + ": a position plan needs a quantity > 0, got " + qty);
        }
        if (maxHoldingSessions < 0) {
            throw new IllegalArgumentException(instrument + ": maxHoldingSessions must be >= 0, got " + maxHoldingSessions);
        }
    }

    public boolean hasTakeProfit() {
        return Double.isFinite(takeProfitPrice);
    }

    public boolean hasStop() {
        return Double.isFinite(stopPrice);
    }

    public PositionPlan withId(long newId) {
        return new PositionPlan(newId, instrument, side, qty, openedCycleId, openedSession, strategy, entryClientOrderId,
                entryPrice, takeProfitPrice, stopPrice, closeAtEod, maxHoldingSessions, status, note);
    }

    public PositionPlan withStatus(PlanStatus newStatus, String newNote) {
        return new PositionPlan(id, instrument, side, qty, openedCycleId, openedSession, strategy, entryClientOrderId,
                entryPrice, takeProfitPrice, stopPrice, closeAtEod, maxHoldingSessions, newStatus, newNote);
    }
}
