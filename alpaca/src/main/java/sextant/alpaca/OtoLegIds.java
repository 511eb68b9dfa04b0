package sextant.alpaca;

import java.util.Locale;
import java.util.Optional;

/**
 * Client order ids for the exit legs Alpaca creates for an OTO (or bracket) entry. Alpaca gives a leg a client order id
 * of its own (a UUID), which carries no prefix of Sextant's, so the engine would take its own take-profit for a foreign
 * order. The adapter therefore reports a leg under an id derived from its entry's: the entry's id with {@code -x} (the
 * exit leg code) appended for the take-profit leg, {@code -xl} for a stop-loss leg (brackets, which Sextant does not
 * send). {@code sx-20261203-AAPL-eb} has the take-profit leg {@code sx-20261203-AAPL-eb-x}. The engine's own ids end
 * in a side letter (or an attempt number), so a derived id never equals one the engine places; and the entry can be
 * found again from it.
 */
final class OtoLegIds {
    static final String TAKE_PROFIT = "-x";
    static final String STOP_LOSS = "-xl";

    private OtoLegIds() {
    }

    static String of(String entryClientOrderId, AlpacaOrder leg) {
        return entryClientOrderId + (isTakeProfit(leg) ? TAKE_PROFIT : STOP_LOSS);
    }

    /** The entry's client order id when {@code id} has the form of a derived leg id. */
    static Optional<String> entryOf(String id) {
        if (id.endsWith(STOP_LOSS) && id.length() > STOP_LOSS.length()) {
            return Optional.of(id.substring(0, id.length() - STOP_LOSS.length()));
        }
        if (id.endsWith(TAKE_PROFIT) && id.length() > TAKE_PROFIT.length()) {
            return Optional.of(id.substring(0, id.length() - TAKE_PROFIT.length()));
        }
        return Optional.empty();
    }

    /** The leg of {@code entry} that {@code id} names. */
    static Optional<AlpacaOrder> legOf(AlpacaOrder entry, String id) {
        for (AlpacaOrder leg : entry.legs()) {
            if (of(entry.clientOrderId(), leg).equals(id)) {
                return Optional.of(leg);
            }
        }
        return Optional.empty();
    }

    private static boolean isTakeProfit(AlpacaOrder leg) {
        return "limit".equals(leg.type() == null ? "" : leg.type().toLowerCase(Locale.ROOT));
    }
}
