package sextant.engine.replay;

import java.time.LocalDate;

/**
 * One entry the replay placed: the score it was picked on (the one-step mean daily return per unit of notional) and
 * what it then made per unit of the notional it was sized at (0 when the entry never filled; the whole round trip
 * otherwise, fees included). Both are per decision, so their means compare directly.
 *
 * @param clientOrderId the entry order's id (the round trip it opened carries it)
 * @param trackRecord what passing the gate earned on the strategy's earlier bars (NaN when it never passed)
 * @param realized    for a position still open at the end of the replay, marked at the last close
 */
public record EntryOutcome(LocalDate session, String symbol, String strategy, String side, String clientOrderId,
                           double claimed, double trackRecord, double notional, boolean filled, double realized) {
}
