package sextant.engine.replay;

import java.time.LocalDate;

/**
 * One entry the replay placed: the score it was picked on (the one-step mean daily return per unit of notional) and
 * what it then made per unit of the notional it was sized at (0 when the entry never filled; the whole round trip
 * otherwise, fees included). Both are per decision, so their means compare directly.
 *
 * @param realized NaN while the position is still open at the end of the replay (then marked at the last close)
 */
public record EntryOutcome(LocalDate session, String symbol, String strategy, String side, double claimed,
                           double notional, boolean filled, double realized) {
}
