package sextant.engine;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import sextant.core.market.Instrument;
import sextant.core.order.Side;

/**
 * Client order ids derived from the order's intent: prefix, cycle date, symbol, leg and side. The same decision on
 * the same day therefore always has the same id, and the broker recognises a repeat instead of creating a second
 * order (after a crash, a re-run, or a retried request).
 */
final class ClientOrderIds {
    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    enum Leg {
        ENTRY("e"), EXIT("x"), CLOSE("c");

        final String code;

        Leg(String code) {
            this.code = code;
        }
    }

    private final String prefix;

    ClientOrderIds(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    String of(LocalDate day, Instrument instrument, Leg leg, Side side) {
        String id = prefix + "-" + DAY.format(day) + "-" + instrument.symbol() + "-" + leg.code
                + (side == Side.BUY ? "b" : "s");
        return id.length() <= 48 ? id : id.substring(0, 48);
    }

    /**
     * The id of the {@code attempt}-th order of one intent on one day: the base id for the first, then
     * {@code …-eb2}, {@code …-eb3}: a changed order, or one that was cancelled, rejected or expired, gets a fresh id
     * instead of colliding with the one that already exists at the broker.
     */
    static String attempt(String baseId, int attempt) {
        if (attempt <= 1) {
            return baseId;
        }
        String suffix = Integer.toString(attempt);
        String base = baseId.length() + suffix.length() <= 48 ? baseId : baseId.substring(0, 48 - suffix.length());
        return base + suffix;
    }

    /**
     * The id under which a broker that creates an OTO entry's take-profit leg itself reports that leg: the entry's id
     * with {@code -x} appended (Alpaca's adapter, {@code OtoLegIds}). The engine never places an id of that form (its
     * own end in a side letter or an attempt number), so the leg is Sextant's order and cannot collide with one.
     */
    static String takeProfitLegOf(String entryClientOrderId) {
        return entryClientOrderId + "-x";
    }

    /** Whether Sextant (this instance, by its prefix) placed the order with this client order id. */
    boolean owns(String clientOrderId) {
        return clientOrderId != null && clientOrderId.startsWith(prefix + "-");
    }

    /** The leg encoded in one of this instance's ids, or null when the id is not one of ours. */
    @Nullable Leg legOf(String clientOrderId) {
        if (!owns(clientOrderId)) {
            return null;
        }
        String rest = clientOrderId.substring(prefix.length() + 1);
        int last = rest.lastIndexOf('-');
        if (last < 0 || last + 1 >= rest.length()) {
            return null;
        }
        char code = rest.charAt(last + 1);
        for (Leg l : Leg.values()) {
            if (l.code.charAt(0) == code) {
                return l;
            }
        }
        return null;
    }

    /** The cycle date encoded in one of this instance's ids, or null. */
    @Nullable LocalDate dayOf(String clientOrderId) {
        if (!owns(clientOrderId)) {
            return null;
        }
        String rest = clientOrderId.substring(prefix.length() + 1);
        if (rest.length() < 8) {
            return null;
        }
        try {
            return LocalDate.parse(rest.substring(0, 8), DAY);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
