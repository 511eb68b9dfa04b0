package sextant.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import sextant.core.market.Instrument;
import sextant.engine.CycleSettings;
import sextant.engine.replay.MeanAndError;
import sextant.engine.replay.ReplayDriver;
import sextant.engine.replay.ReplayMetrics;
import sextant.engine.replay.ReplayRun;
import sextant.engine.replay.RoundTrip;
import sextant.paper.PaperConfig;

/** A replay with its controls and benchmarks, and how it is printed and written. */
record ReplayResult(ReplayRunner runner, ReplayRun main, ReplayMetrics metrics, @Nullable Controls controls,
                    double[] buyAndHold, double @Nullable [] spy) {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The two controls run beside the model (both, or neither with --no-controls). */
    record Controls(ReplayRun constantBand, ReplayMetrics constantBandMetrics, ReplayRun shuffled,
                    ReplayMetrics shuffledMetrics) {
        static Controls of(ReplayRun constantBand, ReplayRun shuffled) {
            return new Controls(constantBand, ReplayMetrics.of(constantBand), shuffled, ReplayMetrics.of(shuffled));
        }
    }

    static ReplayResult run(ReplayRunner runner, PaperConfig paper, boolean noControls, ReplayDriver.Progress progress) {
        ReplayRun main = runner.run(new ReplayVariant("main", ReplayVariant.Forecast.MODEL, paper, 0, 0), progress);
        Controls controls = null;
        if (!noControls) {
            ReplayRun constant = runner.run(new ReplayVariant("constant-band", ReplayVariant.Forecast.CONSTANT_BAND, paper,
                    0, 0), progress);
            ReplayRun shuffled = runner.run(new ReplayVariant("shuffled", ReplayVariant.Forecast.SHUFFLED, paper, 0, 0),
                    progress);
            controls = Controls.of(constant, shuffled);
        }
        double[] bh = runner.buyAndHold(main.initialEquity());
        double[] spy = runner.universe().contains(Instrument.stock("SPY"))
                ? runner.hold(Instrument.stock("SPY"), main.initialEquity()) : null;
        return new ReplayResult(runner, main, ReplayMetrics.of(main), controls, bh, spy);
    }

    ObjectNode json(CycleSettings settings, double seconds) {
        List<LocalDate> sessions = main.sessions();
        ObjectNode r = JSON.createObjectNode();
        r.put("from", sessions.get(0).toString());
        r.put("to", sessions.get(sessions.size() - 1).toString());
        r.put("sessions", sessions.size());
        r.put("symbols", runner.universe().size());
        r.put("fill_model", settings.fillModel().key());
        r.put("model", settings.modelSpec());
        putMetrics(r, metrics);
        r.put("sharpe_definition", "mean/sd of session returns x sqrt(sessions per year), no risk-free rate");
        r.put("fees", metrics.fees());
        r.put("hit_rate", metrics.hitRate());
        r.put("avg_trade", metrics.avgTrade());
        r.put("exposure", metrics.exposure());
        r.put("turnover", metrics.turnover());
        r.put("max_drawdown_sessions", metrics.maxDrawdownSessions());
        r.set("benchmark", curve("equal-weight buy-and-hold of the universe", buyAndHold, main.initialEquity(), sessions));
        if (spy != null) {
            r.set("spy", curve("SPY buy-and-hold", spy, main.initialEquity(), sessions));
        }
        r.put("entries", metrics.claimed().n());
        putMean(r, "claimed_daily", metrics.claimed());
        putMean(r, "realized_daily", metrics.realized());
        putMean(r, "claimed_minus_realized", metrics.claimedMinusRealized());
        putMean(r, "track_record_daily", metrics.trackRecord());
        ObjectNode controlsNode = r.putObject("controls");
        Controls c = controls;
        if (c != null) {
            controlsNode.set("constant-band", control(c.constantBand(), c.constantBandMetrics()));
            MeanAndError v = ReplayMetrics.difference(metrics, c.constantBandMetrics());
            r.put("forecast_value", v.mean());
            r.put("forecast_value_se", v.se());
            controlsNode.set("shuffled", control(c.shuffled(), c.shuffledMetrics()));
        }
        r.set("equity", equity(sessions, main.equity()));
        ArrayNode trades = r.putArray("trade_list");
        java.util.Map<String, sextant.engine.replay.EntryOutcome> byOrder = new java.util.HashMap<>();
        main.entries().forEach(e -> byOrder.put(e.clientOrderId(), e));
        for (RoundTrip t : main.trades()) {
            ObjectNode o = trades.addObject();
            o.put("symbol", t.symbol());
            var opened = byOrder.get(t.openClientOrderId());
            o.put("strategy", opened == null ? null : opened.strategy());
            o.put("claimed_daily", opened == null ? null : opened.claimed());
            o.put("side", t.side());
            o.put("entry_date", t.entryDate().toString());
            o.put("exit_date", t.exitDate() == null ? null : t.exitDate().toString());
            o.put("entry_price", t.entryPrice());
            o.put("exit_price", t.exitPrice());
            o.put("qty", t.qty());
            o.put("pnl", t.pnl());
            o.put("fees", t.fees());
            o.put("return", t.returnOnNotional());
            o.put("client_order_id", t.openClientOrderId());
        }
        ArrayNode entries = r.putArray("entry_outcomes");
        main.entries().forEach(e -> {
            ObjectNode o = entries.addObject();
            o.put("session", e.session().toString());
            o.put("symbol", e.symbol());
            o.put("strategy", e.strategy());
            o.put("side", e.side());
            o.put("claimed_daily", e.claimed());
            o.put("track_record_daily", finite(e.trackRecord()));
            o.put("filled", e.filled());
            o.put("realized", e.realized());
        });
        r.put("seconds", seconds);
        r.put("forecasts_stored", runner.forecastsStored());
        r.put("forecasts_computed", runner.forecastsComputed());
        ObjectNode root = JSON.createObjectNode();
        root.set("replay", r);
        return root;
    }

    private static void putMetrics(ObjectNode o, ReplayMetrics m) {
        o.put("total_return", m.totalReturn());
        o.put("cagr", m.cagr());
        o.put("sharpe", m.sharpe());
        o.put("sortino", m.sortino());
        o.put("max_drawdown", m.maxDrawdown());
        o.put("trades", m.trades());
    }

    private static void putMean(ObjectNode o, String key, MeanAndError m) {
        o.put(key, finite(m.mean()));
        o.put(key + "_se", finite(m.se()));
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private ObjectNode control(ReplayRun run, ReplayMetrics m) {
        ObjectNode c = JSON.createObjectNode();
        putMetrics(c, m);
        c.put("fees", m.fees());
        putMean(c, "claimed_daily", m.claimed());
        putMean(c, "realized_daily", m.realized());
        MeanAndError d = ReplayMetrics.difference(metrics, m);
        c.put("model_minus_control_daily", finite(d.mean()));
        c.put("model_minus_control_daily_se", finite(d.se()));
        c.set("equity", equity(run.sessions(), run.equity()));
        return c;
    }

    private static ObjectNode curve(String what, double[] values, double initial, List<LocalDate> sessions) {
        ObjectNode b = JSON.createObjectNode();
        b.put("what", what);
        b.put("total_return", values[values.length - 1] / initial - 1);
        b.set("equity", equity(sessions, values));
        return b;
    }

    private static ArrayNode equity(List<LocalDate> sessions, double[] values) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < values.length; i++) {
            ArrayNode p = a.addArray();
            p.add(sessions.get(i).toString());
            p.add(Math.round(values[i] * 100) / 100.0);
        }
        return a;
    }

    static ObjectNode gateJson(List<RealismGate.Cell> cells, int window, ReplayRunner runner) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode g = root.putObject("gate");
        g.put("window", window);
        g.put("from", runner.sessions().get(0).toString());
        g.put("to", runner.sessions().get(runner.sessions().size() - 1).toString());
        g.put("windows_are", "every run of " + window + " consecutive sessions, one session apart");
        ArrayNode a = g.putArray("cells");
        for (RealismGate.Cell c : cells) {
            ObjectNode o = a.addObject();
            o.put("slippage_bps", c.slippageBps());
            o.put("fee_multiplier", c.feeMultiplier());
            o.put("lag", c.lag());
            o.put("windows", c.windows());
            o.put("median_return", finite(c.medianReturn()));
            o.put("p10_return", finite(c.p10Return()));
            o.put("negative_windows", c.negativeWindows());
            o.put("total_return", c.totalReturn());
        }
        return root;
    }

    void print(PrintWriter out, CycleSettings settings, double seconds) {
        List<LocalDate> s = main.sessions();
        out.printf(Locale.ROOT, "Sextant replay %s .. %s: %d sessions, %d symbols, %s fills, model %s (%.1f s)%n%n",
                s.get(0), s.get(s.size() - 1), s.size(), runner.universe().size(), settings.fillModel().key(),
                settings.modelSpec(), seconds);
        out.printf(Locale.ROOT, "%-34s %9s %8s %7s %8s %7s%n", "", "return", "CAGR", "Sharpe", "max DD", "trades");
        row(out, "Sextant (" + settings.modelSpec() + ")", metrics);
        Controls c = controls;
        if (c != null) {
            row(out, "control: constant +-1% band", c.constantBandMetrics());
            row(out, "control: shuffled forecasts", c.shuffledMetrics());
        }
        out.printf(Locale.ROOT, "%-34s %+8.2f%%%n", "equal-weight buy-and-hold",
                100 * (buyAndHold[buyAndHold.length - 1] / main.initialEquity() - 1));
        if (spy != null) {
            out.printf(Locale.ROOT, "%-34s %+8.2f%%%n", "SPY buy-and-hold", 100 * (spy[spy.length - 1] / main.initialEquity() - 1));
        }
        out.println();
        out.printf(Locale.ROOT, "Per entry (%d entries): claimed %s a day, realised %s (claimed - realised %s)%n",
                metrics.claimed().n(), pct(metrics.claimed()), pct(metrics.realized()), pct(metrics.claimedMinusRealized()));
        out.printf(Locale.ROOT, "What passing the gate earned on the picks' earlier bars (their track record): %s%n",
                pct(metrics.trackRecord()));
        if (c != null) {
            out.printf(Locale.ROOT, "Value of the forecast, per session: vs constant band %s, vs shuffled %s%n",
                    pct(ReplayMetrics.difference(metrics, c.constantBandMetrics())),
                    pct(ReplayMetrics.difference(metrics, c.shuffledMetrics())));
        }
        out.printf(Locale.ROOT, "Exposure %.0f%% of equity on average, turnover %.1fx a year, fees %.2f, hit rate %.0f%%,"
                        + " average trade %+.3f%%, worst drawdown lasted %d sessions%n", 100 * metrics.exposure(),
                metrics.turnover(), metrics.fees(), 100 * metrics.hitRate(), 100 * metrics.avgTrade(),
                metrics.maxDrawdownSessions());
        out.println("Sharpe: mean / sd of session returns x sqrt(sessions per year), no risk-free rate.");
        if (main.cyclesWithErrors() > 0) {
            out.printf(Locale.ROOT, "%d sessions had symbol or order errors (see the ledger in the state directory)%n",
                    main.cyclesWithErrors());
        }
    }

    private static void row(PrintWriter out, String name, ReplayMetrics m) {
        out.printf(Locale.ROOT, "%-34s %+8.2f%% %+7.2f%% %7.2f %+7.2f%% %7d%n", name, 100 * m.totalReturn(), 100 * m.cagr(),
                m.sharpe(), 100 * m.maxDrawdown(), m.trades());
    }

    static String pct(MeanAndError m) {
        if (m.n() == 0 || !Double.isFinite(m.mean())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.3f%% (SE %.3f%%, n %d)", 100 * m.mean(), 100 * m.se(), m.n());
    }

    static void printGate(PrintWriter out, List<RealismGate.Cell> cells, int window) {
        out.printf(Locale.ROOT, "%nRealism gate: returns over every %d-session window%n", window);
        out.printf(Locale.ROOT, "%8s %5s %4s %8s %9s %9s %10s %9s%n", "slip bps", "fees", "lag", "windows", "median",
                "10th pct", "negative", "total");
        for (RealismGate.Cell c : cells) {
            out.printf(Locale.ROOT, "%8.0f %4.0fx %4d %8d %+8.2f%% %+8.2f%% %10d %+8.2f%%%n", c.slippageBps(),
                    c.feeMultiplier(), c.lag(), c.windows(), 100 * c.medianReturn(), 100 * c.p10Return(),
                    c.negativeWindows(), 100 * c.totalReturn());
        }
    }
}
