package sextant.paper;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When an order is taken: its stamp, the first day whose bar it may fill on (what the daily settlement reads) and the
 * session it counts in for the pattern-day-trader rule.
 */
record Submission(Instant at, int eligibleFromDay, LocalDate session) {
}
