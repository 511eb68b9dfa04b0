package sextant.paper;

import java.time.LocalDate;
import sextant.core.market.Instrument;

/**
 * How the paper broker's clock moves its account forward: by whole daily bars ({@link DailySettlement}) or by the
 * points of each session's path ({@link IntradaySettlement}). Both book fills through {@link PathExecution}.
 */
interface Settlement {
    /** Applies whatever the clock has reached and the account has not yet applied, exactly once. */
    void settle();

    /** How an order sent now is stamped. */
    Submission submission(Instrument instrument);

    /** The newest day whose bar is closed for the clock: what a market order is priced from for buying power. */
    LocalDate lastClosedDay(Instrument instrument);

    /** An order was added: the next {@link #settle} must look at it even if no other point has come due. */
    default void orderAdded() {
    }
}
