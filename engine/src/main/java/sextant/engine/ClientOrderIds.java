package sextant.engine;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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

    String of(LocalDate day, Instrument instrument, Leg leg, Side side) {
        String id = prefix + "-" + DAY.format(day) + "-" + instrument.symbol() + "-" + leg.code
                + (side == Side.BUY ? "b" : "s");
        return id.length() <= 48 ? id : id.substring(0, 48);
    }
}
