package sextant.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What must hold of an account however its process died, from the ledger and the broker alone. Each check returns its
 * problems (empty when it holds) so that a failing iteration names every broken rule at once.
 *
 * <p>{@link #atAnyMoment} holds even right after a kill: the broker never has two orders under one client order id,
 * nor two entries for one symbol and session. {@link #afterARun} holds once a run has reconciled and finished: the
 * ledger knows every order the broker has, owns exactly the broker's positions, and each has its exit working.
 */
final class CrashInvariants {
    private final StateDb ledger;
    private final List<BrokerOrder> orders;
    private final Map<String, Double> positions;

    CrashInvariants(StateDb ledger, List<BrokerOrder> orders, Map<String, Double> positions) {
        this.ledger = ledger;
        this.orders = List.copyOf(orders);
        this.positions = nonZero(positions);
    }

    /** The broker's positions (non-zero), for a test's summary line. */
    Map<String, Double> positions() {
        return positions;
    }

    List<String> atAnyMoment() {
        List<String> out = new ArrayList<>();
        orders.stream().collect(Collectors.groupingBy(BrokerOrder::clientOrderId, TreeMap::new, Collectors.counting()))
                .forEach((id, n) -> {
                    if (n > 1) {
                        out.add("duplicated client order id at the broker: " + id + " x" + n);
                    }
                });
        orders.stream().filter(o -> o.intent().map(i -> i.leg() == 'e').orElse(false)).filter(BrokerOrder::counts)
                .collect(Collectors.groupingBy(o -> o.intent().orElseThrow().session() + " " + o.symbol(), TreeMap::new,
                        Collectors.toList()))
                .forEach((key, entries) -> {
                    if (entries.size() > 1) {
                        out.add("two entries that filled or can fill for one symbol and session " + key + ": " + entries
                                + "; all its orders: " + orders.stream().filter(o -> key.endsWith(" " + o.symbol())).toList());
                    }
                });
        return out;
    }

    List<String> afterARun() {
        List<String> out = new ArrayList<>(atAnyMoment());
        out.addAll(notInTheLedger());
        Map<String, Double> owned = new TreeMap<>();
        ledger.rows("SELECT symbol, qty FROM owned_positions").forEach(r -> owned.put(r.get(0), Double.parseDouble(r.get(1))));
        Map<String, Double> ownedNonZero = nonZero(owned);
        if (!sameQuantities(ownedNonZero, positions)) {
            out.add("the ledger owns " + ownedNonZero + " but the broker holds " + positions);
        }
        ownedNonZero.forEach((symbol, qty) -> {
            String exitSide = qty > 0 ? "sell" : "buy";
            boolean hasExit = orders.stream().anyMatch(o -> o.symbol().equals(symbol) && o.live()
                    && o.side().equalsIgnoreCase(exitSide));
            if (!hasExit) {
                out.add("position without its exit: " + symbol + " " + qty + " has no working " + exitSide + " order");
            }
        });
        return out;
    }

    /** Sextant's orders the broker has and the ledger does not: lost, unless a restart's reconciliation books them. */
    List<String> notInTheLedger() {
        Set<String> known = new HashSet<>(ledger.column("SELECT DISTINCT client_order_id FROM orders"));
        return orders.stream().filter(BrokerOrder::ours).filter(o -> !known.contains(o.clientOrderId()))
                .map(o -> "lost order: the broker has " + o + " and the ledger does not").toList();
    }

    private static Map<String, Double> nonZero(Map<String, Double> m) {
        Map<String, Double> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (Math.abs(v) > 1e-9) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static boolean sameQuantities(Map<String, Double> a, Map<String, Double> b) {
        return a.keySet().equals(b.keySet())
                && a.keySet().stream().allMatch(k -> Math.abs(a.get(k) - b.get(k)) <= 1e-6 * Math.max(1, Math.abs(b.get(k))));
    }
}
