package sextant.engine.replay;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sextant.core.order.Fill;
import sextant.core.order.Position;

/**
 * Rebuilds round trips from a broker's fills, in the order they happened: a position opens when its quantity leaves
 * zero and closes when it returns to zero (a fill that crosses zero closes one trip and opens the next, its fee split
 * by quantity). Positions still open at the end are marked at the broker's last price.
 */
final class RoundTrips {
    private RoundTrips() {
    }

    private static final class Open {
        final String symbol;
        final LocalDate entryDate;
        final String cid;
        double qty;
        double cash;
        double fees;
        double entryCost;
        double exitValue;
        double exitQty;

        final int entrySign;

        Open(String symbol, LocalDate entryDate, String cid, int entrySign) {
            this.symbol = symbol;
            this.entryDate = entryDate;
            this.cid = cid;
            this.entrySign = entrySign;
        }

        /** The finished trip; a position still open is valued at {@code markPrice}. */
        RoundTrip close(@Nullable LocalDate exitDate, double markPrice) {
            double entryQty = Math.abs(qty) + exitQty;
            double pnl = cash + qty * markPrice;
            double exitPrice = (exitValue + Math.abs(qty) * markPrice) / entryQty;
            return new RoundTrip(symbol, entrySign > 0 ? "buy" : "sell", entryDate, exitDate, entryCost / entryQty,
                    exitPrice, entryQty, pnl, fees, cid);
        }
    }

    static List<RoundTrip> of(List<Fill> fills, List<Position> finalPositions) {
        List<Fill> sorted = new ArrayList<>(fills);
        sorted.sort(Comparator.comparing(Fill::at));
        Map<String, Open> open = new HashMap<>();
        List<RoundTrip> out = new ArrayList<>();
        for (Fill f : sorted) {
            String sym = f.instrument().symbol();
            LocalDate day = f.at().atZone(ZoneOffset.UTC).toLocalDate();
            double signed = f.side().sign() * f.qty();
            double remaining = signed;
            double feeLeft = f.fee();
            while (Math.abs(remaining) > 1e-12) {
                Open o = open.get(sym);
                if (o == null) {
                    o = new Open(sym, day, f.clientOrderId(), remaining > 0 ? 1 : -1);
                    open.put(sym, o);
                }
                double part;
                if (o.qty == 0 || Math.signum(o.qty) == Math.signum(remaining)) {
                    part = remaining;
                    o.entryCost += Math.abs(part) * f.price();
                } else {
                    part = Math.abs(remaining) <= Math.abs(o.qty) ? remaining : -o.qty;
                    o.exitValue += Math.abs(part) * f.price();
                    o.exitQty += Math.abs(part);
                }
                double fee = feeLeft * Math.abs(part) / Math.abs(remaining);
                feeLeft -= fee;
                o.cash += -part * f.price() - fee;
                o.fees += fee;
                o.qty += part;
                remaining -= part;
                if (Math.abs(o.qty) < 1e-9) {
                    o.qty = 0;
                    out.add(o.close(day, f.price()));
                    open.remove(sym);
                }
            }
        }
        Map<String, Double> marks = new HashMap<>();
        finalPositions.forEach(p -> marks.put(p.instrument().symbol(), p.marketPrice()));
        for (Open o : open.values()) {
            out.add(o.close(null, marks.getOrDefault(o.symbol, o.entryCost / Math.abs(o.qty))));
        }
        out.sort(Comparator.comparing(RoundTrip::entryDate).thenComparing(RoundTrip::symbol));
        return out;
    }
}
