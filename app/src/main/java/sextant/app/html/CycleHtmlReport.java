package sextant.app.html;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sextant.store.LedgerHistory;
import sextant.store.LedgerReader;

/**
 * The HTML report of one recorded cycle: where the time went, what was picked and rejected and why, orders and fills,
 * each symbol's recent bars against its forecast band, per-strategy walk-forward curves, and the account's equity
 * across every cycle in the ledger.
 */
public final class CycleHtmlReport {
    /** Bars shown per symbol: enough to see the band against several weeks of closes. */
    static final int RECENT_BARS = 40;
    /** Days the strategy curves span: one walk-forward window set of the default layout (70 windows). */
    static final int CURVE_DAYS = 70;

    private final LedgerReader ledger;
    private final LedgerHistory history;

    public CycleHtmlReport(LedgerReader ledger, LedgerHistory history) {
        this.ledger = ledger;
        this.history = history;
    }

    /** The page for cycle {@code id}, which must exist (the caller checked). */
    public String render(long id) {
        Map<String, Object> c = ledger.cycle(id).orElseThrow();
        List<Map<String, Object>> decisions = ledger.decisions(id);
        List<Map<String, Object>> orders = ledger.orders(id);
        List<Map<String, Object>> fills = ledger.fills(id);
        List<Map<String, Object>> account = ledger.account(id);
        LocalDate asOf = LocalDate.parse(Rows.str(c, "as_of"));
        Page page = new Page("Sextant cycle #" + id + " for " + asOf,
                Rows.str(c, "status") + " · broker " + Rows.str(c, "broker") + " · data " + Rows.str(c, "data_source")
                        + " · model " + Rows.str(c, "model") + " · started " + Rows.str(c, "started_at"));
        List<String[]> kpis = new ArrayList<>();
        if (!account.isEmpty()) {
            Map<String, Object> a = account.get(0);
            kpis.add(new String[] {"equity", Html.num(Rows.num(a, "equity"))});
            kpis.add(new String[] {"cash", Html.num(Rows.num(a, "cash"))});
            double last = Rows.num(a, "last_equity");
            if (Double.isFinite(last) && last > 0) {
                kpis.add(new String[] {"since last settlement", Html.pct(Rows.num(a, "equity") / last - 1, 2)});
            }
        }
        long picks = decisions.stream().filter(CycleHtmlReport::isPick).count();
        kpis.add(new String[] {"symbols", String.valueOf(decisions.size())});
        kpis.add(new String[] {"picks", String.valueOf(picks)});
        kpis.add(new String[] {"orders", String.valueOf(orders.size())});
        kpis.add(new String[] {"fills", String.valueOf(fills.size())});
        kpis.add(new String[] {"cycle time", Html.num(Rows.num(c, "total_ms")) + " ms"});
        page.kpis(kpis);
        page.paragraph(Rows.str(c, "summary"));

        page.section("Where the time went", "Wall time of each phase; model load overlaps data.");
        List<BarChart.Bar> bars = new ArrayList<>();
        for (Map<String, Object> p : ledger.phases(id)) {
            bars.add(new BarChart.Bar(Rows.str(p, "phase"), Rows.num(p, "millis"), Rows.str(p, "note")));
        }
        page.chart(new BarChart("Phase timings, cycle #" + id, "wall time", "ms", bars).svg());

        page.section("Account equity across cycles", "One point per recorded cycle, read from its account snapshot.");
        page.chart(equityChart());

        page.section("Picks", "Symbols the cycle trades or holds, with the reason for each.");
        page.table(decisionTable("picks", decisions.stream().filter(CycleHtmlReport::isPick).toList()));
        page.section("Rejected candidates", "Symbols not traded, with the reason each was turned down.");
        page.table(decisionTable("rejected", decisions.stream().filter(d -> !isPick(d)).toList()));

        page.section("Orders", null);
        Table ot = new Table("orders", List.of("event", "symbol", "side", "qty", "type", "limit", "tif", "status",
                "client order id"));
        for (Map<String, Object> o : orders) {
            ot.row(List.of(Table.Cell.text(o.get("event")), Table.Cell.text(o.get("symbol")), Table.Cell.text(o.get("side")),
                    Table.Cell.num(Rows.num(o, "qty")), Table.Cell.text(o.get("type")), Table.Cell.num(Rows.num(o, "limit_price")),
                    Table.Cell.text(o.get("tif")), Table.Cell.text(o.get("status")), Table.Cell.text(o.get("client_order_id"))));
        }
        page.table(ot);
        page.section("Fills recorded by this cycle", null);
        Table ft = new Table("fills", List.of("symbol", "side", "qty", "price", "fee", "at", "client order id"));
        for (Map<String, Object> f : fills) {
            ft.row(List.of(Table.Cell.text(f.get("symbol")), Table.Cell.text(f.get("side")), Table.Cell.num(Rows.num(f, "qty")),
                    Table.Cell.num(Rows.num(f, "price")), Table.Cell.num(Rows.num(f, "fee")), Table.Cell.text(f.get("at")),
                    Table.Cell.text(f.get("client_order_id"))));
        }
        page.table(ft);

        // Cycles recorded before the ledger kept strategy curves fall back to their average daily returns.
        List<StrategyCurves.Curve> curves = StrategyCurves.fromStored(history.strategyCurves(id));
        if (curves.isEmpty()) {
            curves = StrategyCurves.fromBacktests(history.backtests(id), CURVE_DAYS);
        }
        page.section("Strategies: one-step-ahead equity", curves.isEmpty() ? "No backtests recorded for this cycle."
                : "Per strategy: " + curves.get(0).basis() + ".");
        List<String> curveCharts = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            StrategyCurves.Curve k = curves.get(i);
            String colour = Palette.series(i);
            curveCharts.add(new LineChart(k.strategy() + " (" + k.symbols() + " symbols)", "trading days", "cumulative return (%)")
                    .percent().size(400, 270)
                    .band("±1 SE", k.day(), k.lower(), k.upper(), colour)
                    .line("one-step-ahead", k.day(), k.cumulative(), colour, false).svg());
        }
        page.charts(curveCharts);

        page.section("Symbols: forecast band against what happened",
                "Closes of the last " + RECENT_BARS + " bars; the band is the stored forecast's 10–90 % range of each"
                        + " bar's close, made from the bars before it. Dots on " + asOf + " are the planned entry and"
                        + " take-profit. Picks come first.");
        List<Map<String, Object>> ordered = new ArrayList<>(decisions);
        ordered.sort(Comparator.comparing((Map<String, Object> d) -> !isPick(d)).thenComparing(d -> Rows.str(d, "symbol")));
        List<String> symbolCharts = new ArrayList<>();
        for (Map<String, Object> d : ordered) {
            String chart = symbolChart(d, Rows.str(c, "model"), asOf);
            if (chart != null) {
                symbolCharts.add(chart);
            }
        }
        page.charts(symbolCharts);
        return page.html("Written by sextant report --html from the ledger; self-contained, no network needed.");
    }

    private String equityChart() {
        List<Map<String, Object>> rows = history.equityByCycle();
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = LocalDate.parse(Rows.str(rows.get(i), "as_of")).toEpochDay();
            y[i] = Rows.num(rows.get(i), "equity");
        }
        return new LineChart("Account equity by cycle date", "cycle date", "equity (account currency)").dates()
                .size(1000, 300)
                .dottedLine("equity", x, y, Palette.series(0)).svg();
    }

    private @Nullable String symbolChart(Map<String, Object> decision, String model, LocalDate asOf) {
        String symbol = Rows.str(decision, "symbol");
        int asOfDay = (int) asOf.toEpochDay();
        List<LedgerHistory.Bar> bars = history.bars(symbol, asOfDay, RECENT_BARS);
        if (bars.size() < 2) {
            return null;
        }
        Map<Integer, LedgerHistory.CloseForecast> fc = history.closeForecasts(model, symbol, bars.get(0).epochDay(), asOfDay);
        String bandName = "10–90 % band";
        if (fc.isEmpty()) {
            // The recorded model name is not a forecaster id (a manifest path, a model store): show the stored
            // forecasts of whichever model covered this symbol, and name it.
            String key = history.mostCoveringModel(symbol, bars.get(0).epochDay(), asOfDay);
            if (key != null) {
                fc = history.closeForecasts(key, symbol, bars.get(0).epochDay(), asOfDay);
                int bar = key.indexOf('|');
                bandName = "10–90 % band (" + (bar < 0 ? key : key.substring(0, bar)) + ")";
            }
        }
        boolean hasAsOf = bars.get(bars.size() - 1).epochDay() == asOfDay;
        int n = bars.size() + (hasAsOf ? 0 : 1);
        double[] x = new double[n];
        double[] close = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] mid = new double[n];
        java.util.Arrays.fill(close, Double.NaN);
        java.util.Arrays.fill(lo, Double.NaN);
        java.util.Arrays.fill(hi, Double.NaN);
        java.util.Arrays.fill(mid, Double.NaN);
        for (int i = 0; i < bars.size(); i++) {
            x[i] = bars.get(i).epochDay();
            close[i] = bars.get(i).close();
        }
        if (!hasAsOf) {
            x[n - 1] = asOfDay;
        }
        // The forecast of bar i has its context end at bar i-1 and is a percent change of bar i-1's close.
        for (int i = 1; i < n; i++) {
            LedgerHistory.CloseForecast f = fc.get(bars.get(i - 1).epochDay());
            if (f != null) {
                double prev = bars.get(i - 1).close();
                lo[i] = prev * (1 + f.q10());
                mid[i] = prev * (1 + f.q50());
                hi[i] = prev * (1 + f.q90());
            }
        }
        String action = Rows.str(decision, "action");
        String strategy = Rows.str(decision, "strategy");
        String side = Rows.str(decision, "side");
        String title = symbol + " · " + action + (strategy.isEmpty() ? "" : " " + strategy) + (side.isEmpty() ? "" : " " + side);
        return new LineChart(title, "date", "price (USD)").dates().size(400, 290)
                .band(bandName, x, lo, hi, Palette.series(0))
                .line("median", x, mid, Palette.series(0), true)
                .line("close", x, close, "#0f172a", false)
                .marker("entry", asOfDay, Rows.num(decision, "entry_price"), Palette.series(1))
                .marker("take-profit", asOfDay, Rows.num(decision, "take_profit"), Palette.UP)
                .svg();
    }

    private static boolean isPick(Map<String, Object> d) {
        String a = Rows.str(d, "action");
        return !a.equals("skip") && !a.equals("error");
    }

    private static Table decisionTable(String id, List<Map<String, Object>> rows) {
        Table t = new Table(id, List.of("symbol", "action", "strategy", "side", "qty", "entry", "take-profit",
                "score (avg daily)", "reason"));
        for (Map<String, Object> d : rows) {
            t.row(List.of(Table.Cell.text(d.get("symbol")), Table.Cell.text(d.get("action")), Table.Cell.text(d.get("strategy")),
                    Table.Cell.text(d.get("side")), Rows.num(d, "qty") == 0 ? Table.Cell.text("") : Table.Cell.num(Rows.num(d, "qty")), Table.Cell.num(Rows.num(d, "entry_price")),
                    Table.Cell.num(Rows.num(d, "take_profit")), Table.Cell.pct(Rows.num(d, "score"), 3),
                    Table.Cell.text(d.get("reason"))));
        }
        return t;
    }
}
