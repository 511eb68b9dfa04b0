package sextant.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sextant.core.order.Order;
import sextant.core.order.PositionPlan;
import sextant.engine.Holding;

/** Prints a {@link StatusReport}: plain text for a terminal, or one JSON object (stable snake_case keys). */
final class StatusOutput {
    private StatusOutput() {
    }

    static void print(StatusReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "Sextant status at %s: mode %s, broker %s, state %s%n", r.at(), r.mode().key(), r.broker(),
                r.stateDir());
        out.printf(Locale.ROOT, "Account: equity %.2f, cash %.2f (%s)%n", r.equity(), r.cash(), r.accountNote());
        out.println("Kill switch: " + r.killSwitchReason().orElse("off: entries allowed"));
        List<Holding> own = r.own();
        long held = own.stream().filter(Holding::hasOwnPosition).count();
        out.printf(Locale.ROOT, "Positions (Sextant's own): %d%n", held);
        for (Holding h : own) {
            if (!h.hasOwnPosition()) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-8s qty %-10s @ %-10s last %-10s unrealised %+.2f  exit: %s%n", h.symbol(),
                    CycleOutput.qty(h.ownQty()), CycleOutput.price(h.avgPrice()), last(h.marketPrice()),
                    h.unrealizedPnl(), exit(h));
            List<PositionPlan> plans = r.plansOf(h.symbol());
            if (plans.isEmpty()) {
                out.println("           plan: none recorded (opened before position plans were recorded)");
            }
            plans.forEach(p -> out.println("           plan " + plan(p)));
        }
        int orders = own.stream().mapToInt(h -> h.own().size()).sum();
        out.printf(Locale.ROOT, "Open orders (Sextant's own): %d%n", orders);
        own.forEach(h -> h.own().forEach(o -> out.println("  " + order(o))));
        List<Holding> foreign = r.foreign();
        out.printf(Locale.ROOT, "Left alone (not Sextant's): %s%n", foreign.isEmpty() ? "nothing" : foreign.size() + " symbols");
        for (Holding h : foreign) {
            if (Math.abs(h.foreignQty()) > 1e-9) {
                out.printf(Locale.ROOT, "  %-8s position %s (not opened by Sextant's fills)%n", h.symbol(),
                        CycleOutput.qty(h.foreignQty()));
            }
            h.foreign().forEach(o -> out.println("  " + order(o) + " (no Sextant client order id)"));
        }
        var rd = r.realizedToday();
        out.printf(Locale.ROOT, "Realised on %s (UTC, fees included): %+.2f from %d fills%n", rd.day(), rd.pnl(), rd.fills());
        for (NextSteps.Step s : r.next()) {
            out.println("Next: " + step(s, r));
        }
        List<Holding> bare = r.withoutExit();
        if (!bare.isEmpty()) {
            List<String> names = bare.stream().map(Holding::symbol).toList();
            out.printf(Locale.ROOT, "Warning: %d position(s) of Sextant's have no exit order behind them: %s (the next"
                    + " `sextant cycle` plans their exits; `sextant flatten %s` closes them now)%n", bare.size(),
                    String.join(", ", names), String.join(" ", names));
        }
    }

    private static String last(double p) {
        return Double.isFinite(p) ? CycleOutput.price(p) : "unknown";
    }

    private static String exit(Holding h) {
        if (h.lacksExit()) {
            double covered = h.exitCoveredQty();
            return covered > 1e-9 ? "ONLY " + CycleOutput.qty(covered) + " COVERED" : "NONE";
        }
        return "covered";
    }

    private static String order(Order o) {
        return String.format(Locale.ROOT, "%-8s %-4s %-10s %-6s %-10s %-4s %-16s %s", o.instrument().symbol(),
                o.side().wire(), CycleOutput.qty(o.qty() - o.filledQty()), o.type().wire(),
                CycleOutput.price(o.limitPrice()), o.timeInForce().wire(), o.status().name().toLowerCase(Locale.ROOT),
                o.clientOrderId());
    }

    private static String plan(PositionPlan p) {
        return String.format(Locale.ROOT, "#%d %s: %s %s, cycle #%d (session %s), entry %s, take-profit %s, stop %s,"
                        + " close at end of day %s, time stop %s", p.id(), p.status().key(), p.strategy(), p.side().wire(),
                p.openedCycleId(), p.openedSession(), CycleOutput.price(p.entryPrice()),
                p.hasTakeProfit() ? CycleOutput.price(p.takeProfitPrice()) : "none",
                p.hasStop() ? CycleOutput.price(p.stopPrice()) : "none", p.closeAtEod() ? "yes" : "no",
                p.maxHoldingSessions() == 0 ? "none" : p.maxHoldingSessions() + " sessions");
    }

    private static String step(NextSteps.Step s, StatusReport r) {
        if (s.dueAt(r.at())) {
            return s.step() + " for the " + s.session() + " session: due now, until " + s.until() + " (NYSE rules)";
        }
        if (s.until().equals(s.dueFrom())) {
            return s.step() + " at " + s.dueFrom();
        }
        return s.step() + " for the " + s.session() + " session: from " + s.dueFrom() + " until the open at " + s.until()
                + " (NYSE rules)";
    }

    static String json(StatusReport r) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("at", r.at().toString());
        root.put("mode", r.mode().key());
        root.put("broker", r.broker());
        root.put("state_dir", r.stateDir().toString());
        root.put("account", Map.of("equity", r.equity(), "cash", r.cash(), "note", r.accountNote()));
        Map<String, Object> ks = new LinkedHashMap<>();
        ks.put("on", !r.killSwitch().entriesAllowed());
        ks.put("reason", r.killSwitchReason().orElse(""));
        root.put("kill_switch", ks);
        List<Object> positions = new ArrayList<>();
        List<Object> orders = new ArrayList<>();
        for (Holding h : r.own()) {
            h.own().forEach(o -> orders.add(orderJson(o, true)));
            if (!h.hasOwnPosition()) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("symbol", h.symbol());
            p.put("qty", h.ownQty());
            p.put("avg_price", h.avgPrice());
            p.put("last_price", Double.isFinite(h.marketPrice()) ? h.marketPrice() : null);
            p.put("unrealized_pnl", h.unrealizedPnl());
            p.put("exit_covered_qty", h.exitCoveredQty());
            p.put("has_exit", !h.lacksExit());
            p.put("plans", r.plansOf(h.symbol()).stream().map(StatusOutput::planJson).toList());
            positions.add(p);
        }
        root.put("positions", positions);
        root.put("open_orders", orders);
        List<Object> foreign = new ArrayList<>();
        for (Holding h : r.foreign()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("symbol", h.symbol());
            f.put("qty", h.foreignQty());
            f.put("orders", h.foreign().stream().map(o -> orderJson(o, false)).toList());
            foreign.add(f);
        }
        root.put("left_alone", foreign);
        root.put("without_exit", r.withoutExit().stream().map(Holding::symbol).toList());
        var rd = r.realizedToday();
        root.put("realized", Map.of("day", rd.day().toString(), "pnl", rd.pnl(), "fills", rd.fills()));
        List<Object> next = new ArrayList<>();
        for (NextSteps.Step s : r.next()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("step", s.step());
            n.put("session", s.session().toString());
            n.put("due_from", s.dueFrom().toString());
            n.put("until", s.until().toString());
            n.put("due_now", s.dueAt(r.at()));
            next.add(n);
        }
        root.put("next_steps", next);
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static Map<String, Object> orderJson(Order o, boolean own) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", o.instrument().symbol());
        m.put("client_order_id", o.clientOrderId());
        m.put("side", o.side().wire());
        m.put("remaining_qty", o.qty() - o.filledQty());
        m.put("type", o.type().wire());
        m.put("limit_price", Double.isFinite(o.limitPrice()) ? o.limitPrice() : null);
        m.put("tif", o.timeInForce().wire());
        m.put("status", o.status().name().toLowerCase(Locale.ROOT));
        m.put("sextant", own);
        return m;
    }

    private static Map<String, Object> planJson(PositionPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("status", p.status().key());
        m.put("strategy", p.strategy());
        m.put("side", p.side().wire());
        m.put("qty", p.qty());
        m.put("opened_cycle", p.openedCycleId());
        m.put("opened_session", p.openedSession().toString());
        m.put("entry_client_order_id", p.entryClientOrderId());
        m.put("entry_price", p.entryPrice());
        m.put("take_profit", p.hasTakeProfit() ? p.takeProfitPrice() : null);
        m.put("stop", p.hasStop() ? p.stopPrice() : null);
        m.put("close_at_eod", p.closeAtEod());
        m.put("max_holding_sessions", p.maxHoldingSessions());
        return m;
    }
}
