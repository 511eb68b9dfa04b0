package sextant.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test helper: writes a replay directory in the contract `sextant replay --out DIR` follows (replay.json, and
 * gate.json after --gate), from a seeded random market, so the HTML report is tested without the replay command.
 */
final class ReplayFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SYMBOLS = {"AEM", "AAPL", "NVDA", "GLD", "BTCUSD", "ETHUSD", "MSFT"};
    private static final String[] STRATEGIES = {"maxdiff", "maxdiffalwayson", "pctdiff"};

    private ReplayFixture() {
    }

    /** Writes DIR/replay.json (with SPY only when {@code withSpy}) and, when {@code withGate}, DIR/gate.json. */
    static void write(Path dir, long seed, boolean withSpy, boolean withGate) throws IOException {
        Random rnd = new Random(seed);
        List<LocalDate> sessions = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2025-03-03"); sessions.size() < 250; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                sessions.add(d);
            }
        }
        ObjectNode r = JSON.createObjectNode();
        r.put("from", sessions.get(0).toString());
        r.put("to", sessions.get(sessions.size() - 1).toString());
        r.put("sessions", sessions.size());
        r.put("fill_model", "conservative");
        double[] eq = walk(rnd, sessions.size(), 0.0006, 0.009);
        ArrayNode equity = curve(sessions, eq);
        double total = eq[eq.length - 1] / eq[0] - 1;
        r.put("total_return", total);
        r.put("cagr", Math.pow(1 + total, 252.0 / sessions.size()) - 1);
        r.put("sharpe", 1.12);
        r.put("sortino", 1.61);
        r.put("max_drawdown", maxDrawdown(eq));
        r.put("max_drawdown_sessions", 23);
        r.put("exposure", 0.64);
        r.put("turnover", 41.7);
        r.put("fees", 812.35);
        r.put("hit_rate", 0.54);
        r.put("avg_trade", 0.0019);
        r.put("claimed_daily", 0.0041);
        r.put("claimed_daily_se", 0.0007);
        r.put("realized_daily", 0.0006);
        r.put("realized_daily_se", 0.0005);
        double[] bh = walk(rnd, sessions.size(), 0.0004, 0.011);
        ObjectNode bench = r.putObject("benchmark");
        bench.put("total_return", bh[bh.length - 1] / bh[0] - 1);
        bench.set("equity", curve(sessions, bh));
        if (withSpy) {
            double[] spy = walk(rnd, sessions.size(), 0.0003, 0.008);
            ObjectNode s = r.putObject("spy");
            s.put("total_return", spy[spy.length - 1] / spy[0] - 1);
            s.set("equity", curve(sessions, spy));
        }
        ObjectNode controls = r.putObject("controls");
        for (String name : List.of("constant-band", "shuffled")) {
            double[] c = walk(rnd, sessions.size(), -0.0001, 0.008);
            ObjectNode n = controls.putObject(name);
            n.put("total_return", c[c.length - 1] / c[0] - 1);
            n.put("sharpe", -0.2 + rnd.nextGaussian() * 0.1);
            n.put("max_drawdown", maxDrawdown(c));
            n.set("equity", curve(sessions, c));
        }
        r.put("forecast_value", 0.0007);
        r.put("forecast_value_se", 0.0004);
        r.set("equity", equity);
        ArrayNode trades = r.putArray("trades");
        for (int i = 0; i < 60; i++) {
            int at = rnd.nextInt(sessions.size() - 3);
            int held = 1 + rnd.nextInt(3);
            double entry = 20 + rnd.nextDouble() * 300;
            double ret = 0.001 + rnd.nextGaussian() * 0.012;
            double qty = Math.floor(2000 / entry) + 1;
            boolean buy = rnd.nextDouble() < 0.7;
            ObjectNode t = trades.addObject();
            t.put("symbol", SYMBOLS[rnd.nextInt(SYMBOLS.length)]);
            t.put("strategy", STRATEGIES[rnd.nextInt(STRATEGIES.length)]);
            t.put("side", buy ? "buy" : "sell");
            t.put("entry_date", sessions.get(at).toString());
            t.put("exit_date", sessions.get(at + held).toString());
            t.put("entry_price", entry);
            t.put("exit_price", entry * (1 + (buy ? ret : -ret)));
            t.put("qty", qty);
            t.put("pnl", qty * entry * ret);
            t.put("return", ret);
            t.put("claimed_daily", 0.002 + Math.abs(rnd.nextGaussian()) * 0.004);
        }
        Files.createDirectories(dir);
        ObjectNode root = JSON.createObjectNode();
        root.set("replay", r);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("replay.json").toFile(), root);
        if (withGate) {
            ObjectNode g = JSON.createObjectNode();
            ObjectNode gate = g.putObject("gate");
            gate.put("window", 50);
            gate.put("from", sessions.get(0).toString());
            gate.put("to", sessions.get(sessions.size() - 1).toString());
            ArrayNode cells = gate.putArray("cells");
            for (int slip : new int[] {0, 5, 10, 20}) {
                for (double fee : new double[] {1, 2}) {
                    for (int lag : new int[] {0, 1}) {
                        double median = 0.02 - slip * 0.0012 - (fee - 1) * 0.006 - lag * 0.009;
                        ObjectNode c = cells.addObject();
                        c.put("slippage_bps", slip);
                        c.put("fee_multiplier", fee);
                        c.put("lag", lag);
                        c.put("windows", 200);
                        c.put("median_return", median);
                        c.put("p10_return", median - 0.035);
                        c.put("negative_windows", (int) Math.round(200 * Math.min(1, Math.max(0, 0.35 - median * 8))));
                    }
                }
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("gate.json").toFile(), g);
        }
    }

    private static double[] walk(Random rnd, int n, double drift, double vol) {
        double[] v = new double[n];
        v[0] = 100_000;
        for (int i = 1; i < n; i++) {
            v[i] = v[i - 1] * (1 + drift + vol * rnd.nextGaussian());
        }
        return v;
    }

    private static ArrayNode curve(List<LocalDate> days, double[] v) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < v.length; i++) {
            a.addArray().add(days.get(i).toString()).add(v[i]);
        }
        return a;
    }

    private static double maxDrawdown(double[] v) {
        double peak = v[0];
        double worst = 0;
        for (double x : v) {
            peak = Math.max(peak, x);
            worst = Math.min(worst, x / peak - 1);
        }
        return worst;
    }
}
