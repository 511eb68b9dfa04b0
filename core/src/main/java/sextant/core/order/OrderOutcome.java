package sextant.core.order;

import java.util.Locale;

/**
 * What the orders phase did with (or found about) one order. {@link #key()} is the stable text stored in the
 * ledger's {@code orders.event} column; {@link #fromKey} also reads the keys of databases written before this enum
 * existed ({@code already-present}).
 */
public enum OrderOutcome {
    /** Sent to the broker this cycle. */
    SUBMITTED("submitted"),
    /** An identical order of Sextant's was already resting (same side, quantity, type, price): nothing was sent. */
    KEPT("kept"),
    /** Sextant's order had to change (price, quantity, type) and was replaced by a new one under a new id. */
    REPLACED("replaced"),
    /** Cancelled, and the broker confirmed it ({@code canceled}). */
    CANCELLED("cancelled"),
    /** The cancel was accepted but the broker still reports it pending; nothing depending on it was sent. */
    CANCEL_PENDING("cancel-pending"),
    /** Found filled (wholly or partly) while it was being cancelled; the fill was booked and the symbol re-planned. */
    FILLED_DURING_CANCEL("filled-during-cancel"),
    /** A status change found at the broker when the cycle reconciled the ledger (filled, expired, cancelled...). */
    RECONCILED("reconciled"),
    /** Not sent: a rule (Alpaca's or Sextant's) refused it before sending; the reason says which. */
    REFUSED("refused"),
    /** Sent, and the broker rejected it or a fault left it unplaced; the reason has the broker's message. */
    FAILED("failed"),
    /** Not Sextant's (no Sextant client order id, or a position its fills did not open): found and not touched. */
    LEFT_ALONE("left-alone"),
    /** Written by versions before ownership: the client order id was found at the broker, nothing was sent. */
    ALREADY_PRESENT("already-present");

    private final String key;

    OrderOutcome(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static OrderOutcome fromKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (OrderOutcome o : values()) {
            if (o.key.equals(k)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown order outcome '" + key + "' in the ledger; known: "
                + java.util.Arrays.stream(values()).map(OrderOutcome::key).toList());
    }

    @Override
    public String toString() {
        return key;
    }
}
