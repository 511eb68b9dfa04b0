package sextant.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderType;
import sextant.core.order.Position;
import sextant.core.order.PriceTicks;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/**
 * Plans one symbol's orders from its decision and Sextant's own part of the account (see {@link Ownership}: only
 * Sextant's orders and the position its fills opened are ever planned for). It wants at most one order:
 * <ul>
 *   <li>no position and a trade decision: an entry limit at the plan's entry price (a market order for the
 *       close-signal strategies, whose backtest enters at the open);</li>
 *   <li>a position on the decided side: a take-profit limit for the whole position (if the plan has one);</li>
 *   <li>a position on the other side, or no longer picked: a closing limit 1 % through the last close, or a market
 *       order when an earlier close did not fill ({@code escalate}). When the decision trades the other side, the plan
 *       is a flip: the entry follows in this cycle once the close is confirmed filled (see {@link OrderExecutor}), or
 *       in the next cycle where the broker cannot confirm it now;</li>
 * </ul>
 * An open order of Sextant's that is exactly the wanted one (side, remaining quantity, type, price, time in force) is
 * kept, whatever day's id it carries: a resting crypto take-profit keeps its place in the queue. Every other open order
 * of Sextant's in the symbol is cancelled. A symbol that could not be analysed (decision {@code error}) gets no plan.
 */
final class OrderPlanner {
    static final double CLOSE_SLIPPAGE = 0.01;

    private final ClientOrderIds ids;
    private final java.util.function.Predicate<Instrument> attachesTakeProfit;

    OrderPlanner(ClientOrderIds ids) {
        this(ids, i -> false);
    }

    /**
     * @param attachesTakeProfit whether the broker takes an entry's take-profit with the entry ({@code
     *                           Broker.attachesTakeProfit}): a limit entry with a take-profit is then sent as one order
     *                           (an OTO), so the take-profit works from the moment of the fill
     */
    OrderPlanner(ClientOrderIds ids, java.util.function.Predicate<Instrument> attachesTakeProfit) {
        this.ids = ids;
        this.attachesTakeProfit = attachesTakeProfit;
    }

    /**
     * Plans one symbol.
     *
     * @param position  Sextant's own position in the symbol, or null
     * @param own       Sextant's open orders in the symbol
     * @param lastClose the newest closed bar's close, or null
     * @param escalate  an earlier close of this position did not fill: close with a market order
     * @param flipHeldBack null when a position on the other side of a trade decision may be closed and the entry placed
     *                  in this cycle (a flip); otherwise why not, and the entry waits for the next cycle
     */
    SymbolPlan planSymbol(LocalDate day, SymbolDecision d, @Nullable Position position, List<Order> own,
                          @Nullable Double lastClose, boolean escalate, @Nullable String flipHeldBack) {
        Instrument inst = d.instrument();
        OrderRequest want = null;
        String why;
        Position p = position;
        if (p == null || Math.abs(p.qty()) < 1e-9) {
            Side side = d.side();
            if (d.trades() && d.qty() > 0 && side != null) {
                String id = ids.of(day, inst, ClientOrderIds.Leg.ENTRY, side);
                if (d.atMarket()) {
                    want = OrderRequest.market(inst, side, d.qty(), tif(inst), id);
                } else {
                    double limit = PriceTicks.round(inst, side, d.entryPrice());
                    double tp = Double.isFinite(d.takeProfitPrice()) && attachesTakeProfit.test(inst)
                            ? PriceTicks.round(inst, side.opposite(), d.takeProfitPrice()) : Double.NaN;
                    want = new OrderRequest(inst, side, d.qty(), OrderType.LIMIT, limit, tif(inst), id, tp);
                }
                why = "entry: " + d.reason();
            } else {
                why = "no position and no entry: " + d.reason();
            }
        } else if (d.action() == Action.HOLD && p.side() == d.side()) {
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
            want = closing(day, inst, p, lastClose, escalate);
            why = (escalate ? "close at market (the earlier closing limit did not fill): " : "close: ") + d.reason();
            Side side = d.side();
            if (d.trades() && d.qty() > 0 && side != null && side != p.side()) {
                if (flipHeldBack == null) {
                    SymbolPlan plan = match(inst, want, own, "flip: close the " + PortfolioBuilder.fmt(p.qty())
                            + " held, then enter " + side.wire() + " " + PortfolioBuilder.fmt(d.qty())
                            + " once the broker confirms the close filled; " + why);
                    return new SymbolPlan(inst, plan.cancels(), plan.want(), plan.keep(), plan.reason(), true);
                }
                why = "flip in two cycles (" + flipHeldBack + "): close now, enter " + side.wire() + " next cycle; "
                        + why;
            }
        }
        return match(inst, want, own, why);
    }

    /** The order that closes Sextant's position: a limit 1 % through the last close, or a market order. */
    OrderRequest closing(LocalDate day, Instrument inst, Position p, @Nullable Double lastClose, boolean escalate) {
        Side exit = p.side().opposite();
        String id = ids.of(day, inst, ClientOrderIds.Leg.CLOSE, exit);
        if (escalate) {
            return OrderRequest.market(inst, exit, Math.abs(p.qty()), tif(inst), id);
        }
        double ref = lastClose != null ? lastClose : p.marketPrice();
        double limit = PriceTicks.round(inst, exit, exit == Side.SELL ? ref * (1 - CLOSE_SLIPPAGE) : ref * (1 + CLOSE_SLIPPAGE));
        return OrderRequest.limit(inst, exit, Math.abs(p.qty()), limit, tif(inst), id);
    }

    /** Keeps the one open order that already is {@code want}; cancels the others. */
    static SymbolPlan match(Instrument inst, @Nullable OrderRequest want, List<Order> own, String why) {
        Order keep = null;
        List<Order> cancels = new ArrayList<>();
        for (Order o : own) {
            if (keep == null && want != null && same(o, want)) {
                keep = o;
            } else {
                cancels.add(o);
            }
        }
        return new SymbolPlan(inst, cancels, want, keep, why);
    }

    /**
     * Limits closer than this (relative) are the same price: the broker rounds a limit to the asset's own price
     * increment (Alpaca: BTC/USD to whole dollars), so a resting order rarely carries exactly the price that was sent,
     * and replacing it for that would resend the same order every cycle and lose its place in the queue.
     */
    static final double SAME_PRICE = 5e-4;

    /** Whether a resting order already does what {@code want} asks (its unfilled remainder is the wanted quantity). */
    static boolean same(Order o, OrderRequest want) {
        if (!o.isOpen() || o.side() != want.side() || o.type() != want.type() || o.timeInForce() != want.timeInForce()) {
            return false;
        }
        double remaining = o.qty() - o.filledQty();
        if (Math.abs(remaining - want.qty()) > 1e-9) {
            return false;
        }
        return want.type() == OrderType.MARKET
                || Math.abs(o.limitPrice() - want.limitPrice()) <= Math.max(1e-9, SAME_PRICE * want.limitPrice());
    }

    /**
     * All symbols at once, every order given treated as Sextant's (kept for the planning tests): cancels first, then
     * the submits.
     */
    List<PlannedAction> plan(LocalDate day, List<SymbolDecision> decisions, List<Position> positions, List<Order> open,
                             Map<Instrument, Double> lastClose) {
        Map<String, Position> pos = new HashMap<>();
        positions.forEach(p -> pos.put(p.instrument().symbol(), p));
        Map<String, List<Order>> bySymbol = new HashMap<>();
        open.forEach(o -> bySymbol.computeIfAbsent(o.instrument().symbol(), k -> new ArrayList<>()).add(o));
        List<PlannedAction> actions = new ArrayList<>();
        for (SymbolDecision d : decisions) {
            if (d.action() == Action.ERROR) {
                continue;
            }
            String s = d.instrument().symbol();
            SymbolPlan sp = planSymbol(day, d, pos.get(s), bySymbol.getOrDefault(s, List.of()), lastClose.get(d.instrument()),
                    false, null);
            sp.cancels().forEach(o -> actions.add(PlannedAction.cancel(o, "superseded by this cycle's plan for " + s)));
            if (sp.want() != null && sp.keep() == null) {
                actions.add(PlannedAction.submit(sp.want(), sp.reason()));
            }
        }
        return actions;
    }

    /** Stocks: DAY (the strategies are one-session trades). Crypto: GTC (Alpaca allows no DAY for crypto). */
    static TimeInForce tif(Instrument inst) {
        return inst.isCrypto() ? TimeInForce.GTC : TimeInForce.DAY;
    }
}
