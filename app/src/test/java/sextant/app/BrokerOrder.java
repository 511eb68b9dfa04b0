package sextant.app;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One order as the broker holds it, whichever broker: what the crash checks compare with the ledger. */
record BrokerOrder(String clientOrderId, String symbol, String side, String status, double qty, double filledQty) {
    private static final Pattern OURS = Pattern.compile("sx-(\\d{8})-(.+)-([exc])([bs])(\\d*)");
    private static final Set<String> ENDED_UNFILLED = Set.of("canceled", "cancelled", "expired", "rejected", "replaced");

    /** The intent encoded in a Sextant client order id (ClientOrderIds): session, symbol, leg; empty for others'. */
    record Intent(String session, String symbol, char leg) {
    }

    Optional<Intent> intent() {
        Matcher m = OURS.matcher(clientOrderId);
        return m.matches() ? Optional.of(new Intent(m.group(1), m.group(2), m.group(3).charAt(0))) : Optional.empty();
    }

    boolean ours() {
        return intent().isPresent();
    }

    /** Resting or partly filled: it can still trade. */
    boolean live() {
        String s = status.toLowerCase(java.util.Locale.ROOT);
        return !"filled".equals(s) && !ENDED_UNFILLED.contains(s);
    }

    /** It bought or sold something, or still can: an order that counts as an entry having been made. */
    boolean counts() {
        return live() || filledQty > 0;
    }
}
