package sextant.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.Position;
import sextant.core.order.PriceTicks;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/**
 * Reconciles decisions with the account: one owner per symbol (fixes W-12's managers that cancel each other).
 * For each managed symbol it wants at most one open order:
 * <ul>
 *   <li>no position and a trade decision: an entry limit at the plan's entry price (a market order for the
 *       close-signal strategies, whose backtest enters at the open);</li>
 *   <li>a position on the decided side: a take-profit limit for the whole position (if the plan has one);</li>
 *   <li>a position on the other side, or no longer picked: a closing limit 1 % through the last close (marketable
 *       but bounded);</li>
 * </ul>
 * Every other open order of a managed symbol is cancelled. A symbol that could not be analysed (decision
 * {@code error}) keeps its position and orders untouched: a data outage must never liquidate a book. An order whose client order id matches the wanted one is
 * kept as it is. Positions in symbols outside the universe are not touched.
 */
final class OrderPlanner {
    static final double CLOSE_SLIPPAGE = 0.01;

    private final ClientOrderIds ids;

    OrderPlanner(ClientOrderIds ids) {
        this.ids = ids;
    }

    List<PlannedAction> plan(LocalDate day, List<SymbolDecision> decisions, List<Position> positions, List<Order> open,
                             Map<String, Double> lastClose) {
        Map<String, Position> pos = new HashMap<>();
        positions.forEach(p -> pos.put(p.instrument().symbol(), p));
        Map<String, List<Order>> openBySymbol = new HashMap<>();
        open.forEach(o -> openBySymbol.computeIfAbsent(o.instrument().symbol(), k -> new ArrayList<>()).add(o));

        List<PlannedAction> actions = new ArrayList<>();
        for (SymbolDecision d : decisions) {
            if ("error".equals(d.action())) {
                continue;
            }
            Instrument inst = d.instrument();
            Position p = pos.get(inst.symbol());
            OrderRequest want = null;
            String why;
            if (p == null || p.qty() == 0) {
                if (d.trades() && d.qty() > 0) {
                    String id = ids.of(day, inst, ClientOrderIds.Leg.ENTRY, d.side());
                    want = d.atMarket() ? OrderRequest.market(inst, d.side(), d.qty(), tif(inst), id)
                            : OrderRequest.limit(inst, d.side(), d.qty(), PriceTicks.round(inst, d.side(), d.entryPrice()),
                            tif(inst), id);
                    why = "entry: " + d.reason();
                } else {
                    why = "no position and no entry: " + d.reason();
                }
            } else if ("hold".equals(d.action()) && p.side() == d.side()) {
                if (Double.isFinite(d.takeProfitPrice())) {
                    Side exit = p.side().opposite();
                    double limit = PriceTicks.round(inst, exit, d.takeProfitPrice());
                    want = OrderRequest.limit(inst, exit, Math.abs(p.qty()), limit, tif(inst),
                            ids.of(day, inst, ClientOrderIds.Leg.EXIT, exit));
                    why = "take-profit for the " + PortfolioBuilder.fmt(p.qty()) + " held: " + d.reason();
                } else {
                    why = "hold without take-profit: " + d.reason();
                }
            } else {
                Double close = lastClose.get(inst.symbol());
                Side exit = p.side().opposite();
                double ref = close != null ? close : p.marketPrice();
                double limit = PriceTicks.round(inst, exit, exit == Side.SELL ? ref * (1 - CLOSE_SLIPPAGE)
                        : ref * (1 + CLOSE_SLIPPAGE));
                want = OrderRequest.limit(inst, exit, Math.abs(p.qty()), limit, tif(inst),
                        ids.of(day, inst, ClientOrderIds.Leg.CLOSE, exit));
                why = "close: " + d.reason();
            }
            boolean keep = false;
            for (Order o : openBySymbol.getOrDefault(inst.symbol(), List.of())) {
                if (want != null && o.clientOrderId().equals(want.clientOrderId())) {
                    keep = true;
                } else {
                    actions.add(PlannedAction.cancel(o, "superseded by this cycle's plan for " + inst.symbol()));
                }
            }
            if (want != null && !keep) {
                actions.add(PlannedAction.submit(want, why));
            }
        }
        return actions;
    }

    /** Stocks: DAY (the strategies are one-session trades). Crypto: GTC (Alpaca allows no DAY for crypto). */
    static TimeInForce tif(Instrument inst) {
        return inst.isCrypto() ? TimeInForce.GTC : TimeInForce.DAY;
    }
}
