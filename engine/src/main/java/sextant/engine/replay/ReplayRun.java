package sextant.engine.replay;

import java.time.LocalDate;
import java.util.List;

/**
 * What one replay traded, session by session.
 *
 * @param sessions      the sessions traded, oldest first
 * @param equity        account equity at each session's close (after its bar was settled), same order
 * @param grossExposure gross position value over equity at each session's close
 * @param initialEquity equity before the first session
 * @param trades        round trips, from the paper broker's fills
 * @param entries       every entry placed, with what it was claimed to earn and what it made
 * @param fees          fees paid
 * @param tradedNotional sum of |qty x price| over all fills
 * @param cyclesWithErrors sessions whose cycle reported a symbol or order error
 */
public record ReplayRun(List<LocalDate> sessions, double[] equity, double[] grossExposure, double initialEquity,
                        List<RoundTrip> trades, List<EntryOutcome> entries, double fees, double tradedNotional,
                        int cyclesWithErrors) {
}
