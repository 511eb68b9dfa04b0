package sextant.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Position;
import sextant.core.sizing.PositionSizer;

/**
 * Ranks trade decisions by score and sizes them against a fresh account snapshot. Existing positions in picked
 * symbols keep their size (no top-ups); new entries get {@code positionFraction} of equity each, within the gross
 * exposure cap and buying power, until {@code maxPositions} symbols are held or entered. A pick on the other side of
 * a position is a flip, sized as a new entry, where the broker can confirm the close within the cycle.
 */
final class PortfolioBuilder {
    private final CycleSettings settings;
    private final boolean flipsInOneCycle;

    PortfolioBuilder(CycleSettings settings) {
        this(settings, true);
    }

    /**
     * @param flipsInOneCycle the broker can confirm a close within the cycle ({@code Broker.reportsFillsAtOnce}), so
     *                        a pick on the other side of a position is sized as a flip; otherwise it is skipped while
     *                        the position closes (no slot or budget is held for an entry that cannot be sent now)
     */
    PortfolioBuilder(CycleSettings settings, boolean flipsInOneCycle) {
        this.settings = settings;
        this.flipsInOneCycle = flipsInOneCycle;
    }

    List<SymbolDecision> build(List<SymbolDecision> decisions, Account account, List<Position> positions) {
        return build(decisions, account, positions, Set.of());
    }

    /**
     * @param managed positions held under an open plan ({@code ManagedDecisions}): each takes a slot whatever this
     *                cycle picks, and a pick in its symbol is left as it is for the plan to turn into a hold, so the
     *                plan-managed positions and the new entries together never exceed {@code maxPositions}
     */
    List<SymbolDecision> build(List<SymbolDecision> decisions, Account account, List<Position> positions,
                               Set<Instrument> managed) {
        Map<String, Position> held = new HashMap<>();
        double gross = 0;
        for (Position p : positions) {
            held.put(p.instrument().symbol(), p);
            gross += Math.abs(p.marketValue());
        }
        List<SymbolDecision> trades = new ArrayList<>();
        List<SymbolDecision> out = new ArrayList<>();
        for (SymbolDecision d : decisions) {
            (d.trades() ? trades : out).add(d);
        }
        trades.sort(Comparator.comparingDouble(SymbolDecision::score).reversed()
                .thenComparing(d -> d.instrument().symbol()));
        int slots = settings.maxPositions() - managed.size();
        double buyingPower = account.buyingPower();
        // Crypto is never bought on margin (Alpaca: non-marginable buying power): it is sized from cash.
        double cash = Math.max(0, account.cash());
        int rank = 0;
        for (SymbolDecision d : trades) {
            if (managed.contains(d.instrument())) {
                out.add(d); // its plan holds it (its slot is already taken)
                continue;
            }
            rank++;
            Position p = held.get(d.instrument().symbol());
            if (slots <= 0) {
                out.add(skip(d, "ranked " + rank + ", beyond max-positions " + settings.maxPositions()));
                continue;
            }
            if (p != null && p.side() == d.side()) {
                slots--;
                out.add(d.with(Action.HOLD, Math.abs(p.qty()), "holding " + fmt(p.qty()) + "; " + d.reason()));
                continue;
            }
            if (p != null && !flipsInOneCycle) {
                out.add(skip(d, "holding " + fmt(p.qty()) + " on the other side: closing it first; the entry follows"
                        + " next cycle (this broker confirms no fill within the cycle)"));
                continue;
            }
            // A position on the other side is a flip: it is closed first (its exposure is gone before the entry), and
            // the entry is sized as a new one. What the close frees is not counted as buying power: it is known only
            // once the close has filled.
            double ownGross = p == null ? gross : gross - Math.abs(p.marketValue());
            double budget = PositionSizer.budget(account.equity(), settings.positionFraction(), settings.maxGrossExposure(),
                    ownGross, d.instrument().isCrypto() ? Math.min(buyingPower, cash) : buyingPower);
            double qty = PositionSizer.quantity(d.instrument(), budget, d.entryPrice());
            if (qty <= 0) {
                out.add(skip(d, String.format(Locale.ROOT, "budget %.2f buys no unit at %s", budget,
                        StrategySelector.price(d.entryPrice()))));
                continue;
            }
            double notional = qty * d.entryPrice();
            gross += notional;
            buyingPower -= notional;
            cash -= notional;
            slots--;
            String flip = p == null ? "" : "flip from " + fmt(p.qty()) + " on the other side: close it, then ";
            out.add(d.with(Action.TRADE, qty, flip + "rank " + rank + ", " + fmt(qty) + " units; " + d.reason()));
        }
        out.sort(Comparator.comparing(d -> d.instrument().symbol()));
        return out;
    }

    private static SymbolDecision skip(SymbolDecision d, String why) {
        return d.with(Action.SKIP, 0, why + "; " + d.reason());
    }

    static String fmt(double qty) {
        return qty == Math.rint(qty) ? String.valueOf((long) qty) : String.format(Locale.ROOT, "%.4f", qty);
    }
}
