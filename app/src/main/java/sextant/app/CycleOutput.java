package sextant.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import sextant.core.cycle.Action;
import sextant.core.cycle.Phase;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.order.Side;
import sextant.engine.CycleReport;
import sextant.engine.OrderEvent;

/** Renders a cycle report for people (tables) or programs (JSON). */
final class CycleOutput {
    private CycleOutput() {
    }

    static void print(CycleReport r, long startupMillis, String broker, String data, PrintWriter out) {
        out.printf(Locale.ROOT, "Sextant cycle %s (#%d): broker %s, data %s%n%n", r.asOf(), r.cycleId(), broker, data);
        out.println(phaseTable(r.timings(), startupMillis));
        Map<String, Integer> actions = new TreeMap<>();
        r.decisions().forEach(d -> actions.merge(d.action().key(), 1, Integer::sum));
        out.printf(Locale.ROOT, "Decisions: %d symbols: %s%n", r.decisions().size(), actions);
        for (SymbolDecision d : r.decisions()) {
            if (d.trades() || d.action() == Action.HOLD) {
                out.printf(Locale.ROOT, "  %-8s %-5s %-16s qty %-10s %s%n", d.instrument(), d.action(),
                        label(d), qty(d.qty()), d.reason());
            } else if (d.action() == Action.SKIP) {
                Double last = r.lastClose().get(d.instrument());
                out.printf(Locale.ROOT, "  %-8s %-5s last close %-10s %s%n", d.instrument(), d.action(),
                        last == null ? "none" : price(last), d.reason());
            }
        }
        printOrders(r.orders(), out);
        if (!r.newFills().isEmpty()) {
            out.printf(Locale.ROOT, "Fills since the last cycle: %d%n", r.newFills().size());
        }
        var a = r.accountBefore();
        out.printf(Locale.ROOT, "Account: equity %.2f (%+.2f since the last settlement), cash %.2f, buying power %.2f,"
                + " %d positions%n", a.equity(), a.equity() - a.lastEquity(), a.cash(), a.buyingPower(),
                r.positionsBefore().size());
        for (var p : r.positionsBefore()) {
            out.printf(Locale.ROOT, "  %-8s %12s @ %-12s last %-12s unrealised %+.2f%n", p.instrument(), qty(p.qty()),
                    price(p.avgEntryPrice()), price(p.marketPrice()), p.unrealizedPnl());
        }
        out.printf(Locale.ROOT, "Status: %s%n", r.status().key());
    }

    /** The order events of a cycle or an operator command: counts by outcome, then one line each. */
    static void printOrders(List<OrderEvent> orders, PrintWriter out) {
        Map<String, Integer> events = new TreeMap<>();
        orders.forEach(e -> events.merge(e.event(), 1, Integer::sum));
        out.printf(Locale.ROOT, "Orders: %s%n", events.isEmpty() ? "none" : events);
        for (OrderEvent e : orders) {
            if (e.request() != null) {
                out.printf(Locale.ROOT, "  %-15s %-8s %-4s %10s @ %-12s %-4s %s%n", e.event(), e.symbol(),
                        e.request().side().wire(), qty(e.request().qty()), price(e.request().limitPrice()),
                        e.request().timeInForce().wire(), e.request().clientOrderId());
            } else if (e.order() != null) {
                out.printf(Locale.ROOT, "  %-15s %-8s %s%n", e.event(), e.symbol(), e.order().clientOrderId());
            } else {
                out.printf(Locale.ROOT, "  %-15s %-8s %s%n", e.event(), e.symbol(), e.message());
            }
        }
    }

    static String phaseTable(PhaseTimings t, long startupMillis) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-13s %10s  %s%n", "phase", "ms", "note"));
        for (Phase p : Phase.values()) {
            sb.append(String.format(Locale.ROOT, "%-13s %10.1f  %s%n", p.label(), PhaseTimings.millis(t.nanos(p)), t.note(p)));
        }
        sb.append(String.format(Locale.ROOT, "%-13s %10.1f  %s%n", "total", PhaseTimings.millis(t.totalNanos()),
                "wall time of the cycle (model load overlaps data)"));
        if (startupMillis >= 0) {
            sb.append(String.format(Locale.ROOT, "%-13s %10.1f  %s%n", "jvm start", (double) startupMillis,
                    "process start to first phase"));
        }
        return sb.toString();
    }

    static String json(CycleReport r, long startupMillis) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cycle_id", r.cycleId());
        root.put("as_of", r.asOf().toString());
        root.put("status", r.status().key());
        root.put("phases_ms", phases(r.timings()));
        root.put("total_ms", PhaseTimings.millis(r.timings().totalNanos()));
        root.put("startup_ms", startupMillis);
        root.put("forecasts_cached", r.forecastCacheHits());
        root.put("forecasts_computed", r.forecastsComputed());
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (SymbolDecision d : r.decisions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", d.instrument().symbol());
            m.put("action", d.action().key());
            m.put("strategy", d.strategy() == null ? null : d.strategy().key());
            m.put("side", d.side() == null ? null : d.side().wire());
            m.put("qty", d.qty());
            m.put("entry", finite(d.entryPrice()));
            m.put("take_profit", finite(d.takeProfitPrice()));
            m.put("score", finite(d.score()));
            m.put("reason", d.reason());
            decisions.add(m);
        }
        root.put("decisions", decisions);
        root.put("backtests", backtests(r));
        List<Map<String, Object>> orders = new ArrayList<>();
        for (OrderEvent e : r.orders()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", e.event());
            m.put("symbol", e.symbol());
            if (e.request() != null) {
                m.put("side", e.request().side().wire());
                m.put("qty", e.request().qty());
                m.put("limit", finite(e.request().limitPrice()));
                m.put("tif", e.request().timeInForce().wire());
                m.put("client_order_id", e.request().clientOrderId());
            } else if (e.order() != null) {
                m.put("client_order_id", e.order().clientOrderId());
            }
            m.put("message", e.message());
            orders.add(m);
        }
        root.put("orders", orders);
        root.put("new_fills", r.newFills().size());
        root.put("equity", r.accountBefore().equity());
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per symbol and strategy: the original's in-sample figures beside the one-step-ahead (out-of-sample) ones. */
    static Map<String, Object> backtests(CycleReport r) {
        Map<String, Object> bySymbol = new LinkedHashMap<>();
        for (var bt : r.backtests()) {
            Map<String, Object> byStrategy = new LinkedHashMap<>();
            for (var id : sextant.core.backtest.StrategyId.values()) {
                var rep = bt.report(id);
                if (rep == null) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("in_sample_total_return", finite(rep.inSample().totalReturn()));
                m.put("in_sample_sharpe", finite(rep.inSample().sharpe()));
                m.put("oos_total_return", finite(rep.outOfSample().totalReturn()));
                m.put("oos_avg_daily_return", finite(rep.outOfSample().avgDailyReturn()));
                m.put("oos_sharpe", finite(rep.outOfSample().sharpe()));
                m.put("oos_sortino", finite(rep.outOfSample().sortino()));
                m.put("oos_max_drawdown", finite(rep.outOfSample().maxDrawdown()));
                m.put("oos_win_rate", finite(rep.outOfSample().winRate()));
                m.put("oos_trades", rep.outOfSample().trades());
                m.put("one_step_mean", finite(rep.oneStep().mean()));
                m.put("one_step_se", finite(rep.oneStep().standardError()));
                m.put("one_step_bars", rep.oneStep().n());
                Side planSide = rep.plan().side();
                m.put("plan", rep.plan().trades() && planSide != null ? planSide.wire() : rep.plan().reason());
                byStrategy.put(id.key(), m);
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("windows", bt.windowsEvaluated());
            s.put("strategies", byStrategy);
            bySymbol.put(bt.instrument().symbol(), s);
        }
        return bySymbol;
    }

    static Map<String, Double> phases(PhaseTimings t) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            m.put(p.label(), PhaseTimings.millis(t.nanos(p)));
        }
        return m;
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** A traded or held decision's strategy and side ({@code maxdiff buy}); a dash for what a decision lacks. */
    private static String label(SymbolDecision d) {
        return (d.strategy() != null ? d.strategy().key() : "-") + " " + (d.side() != null ? d.side().wire() : "-");
    }

    static String qty(double q) {
        return q == Math.rint(q) ? String.valueOf((long) q) : String.format(Locale.ROOT, "%.4f", q);
    }

    static String price(double p) {
        return Double.isFinite(p) ? (p >= 1 ? String.format(Locale.ROOT, "%.2f", p) : String.format(Locale.ROOT, "%.6f", p))
                : "market";
    }
}
