package sextant.engine.replay;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A position from the fill that opened it to the fill that closed it, as the paper broker booked them.
 *
 * @param openClientOrderId the client order id of the opening fill (it names the session and leg that placed it)
 * @param exitDate          null while still open at the end of the replay (then marked at the last close)
 * @param pnl               cash in minus cash out, all fees included
 */
public record RoundTrip(String symbol, String side, LocalDate entryDate, @Nullable LocalDate exitDate, double entryPrice,
                        double exitPrice, double qty, double pnl, double fees, String openClientOrderId) {

    /** The P&L as a fraction of the entry notional. */
    public double returnOnNotional() {
        double notional = Math.abs(qty) * entryPrice;
        return notional > 0 ? pnl / notional : 0;
    }
}
