package sextant.core.order;

import sextant.core.key.NameKeyed;

/**
 * What the orders phase did with (or found about) one order. {@link #key()} is the stable text stored in the
 * ledger's {@code orders.event} column ({@code Keyed.parse} reads it back); {@link #ALREADY_PRESENT} is kept for
 * the rows of databases written before this enum existed.
 */
public enum OrderOutcome implements NameKeyed {
    /** Sent to the broker this cycle. */
    SUBMITTED,
    /** An identical order of Sextant's was already resting (same side, quantity, type, price): nothing was sent. */
    KEPT,
    /** Sextant's order had to change (price, quantity, type) and was replaced by a new one under a new id. */
    REPLACED,
    /** Cancelled, and the broker confirmed it ({@code canceled}). */
    CANCELLED,
    /** The cancel was accepted but the broker still reports it pending; nothing depending on it was sent. */
    CANCEL_PENDING,
    /** Found filled (wholly or partly) while it was being cancelled; the fill was booked and the symbol re-planned. */
    FILLED_DURING_CANCEL,
    /** A status change found at the broker when the cycle reconciled the ledger (filled, expired, cancelled...). */
    RECONCILED,
    /** Not sent: a rule (Alpaca's or Sextant's) refused it before sending; the reason says which. */
    REFUSED,
    /** Sent, and the broker rejected it or a fault left it unplaced; the reason has the broker's message. */
    FAILED,
    /** Not Sextant's (no Sextant client order id, or a position its fills did not open): found and not touched. */
    LEFT_ALONE,
    /** Written by versions before ownership: the client order id was found at the broker, nothing was sent. */
    ALREADY_PRESENT;

    @Override
    public String toString() {
        return key();
    }
}
