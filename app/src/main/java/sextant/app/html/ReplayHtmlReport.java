package sextant.app.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The HTML report of a replay ({@code replay.json}, and {@code gate.json} when the realism gate ran): equity against
 * buy-and-hold and the controls, drawdown, monthly returns, the gate grid, claimed against realised per trade, and
 * the trades. Optional parts that are missing are left out with a note instead of failing the page.
 */
public final class ReplayHtmlReport {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
        "Dec"};

    /** An equity series read from {@code [["2025-03-03", 100000.0], ...]}. */
    record Equity(double[] day, double[] value) {
        boolean isEmpty() {
            return day.length == 0;
        }
    }

    /** The main time-series charts span a wide screen; a year of sessions needs the room. */
    private static final int WIDE = 1240;

    private final JsonNode replay;
    private final @Nullable JsonNode gate;
    private final String source;

    /**
     * @param replayRoot the parsed replay.json (its {@code replay} object is read)
     * @param gateRoot   the parsed gate.json, or null when the gate did not run
     * @param source     where the files came from, for the page header
     */
    public ReplayHtmlReport(JsonNode replayRoot, @Nullable JsonNode gateRoot, String source) {
        this.replay = replayRoot.path("replay");
        this.gate = gateRoot == null ? null : gateRoot.path("gate");
        this.source = source;
    }

    /**
     * Reads {@code [[date, value], ...]}; a malformed entry is an error naming its index, since a silently shortened
     * curve would mislead.
     */
    static Equity equity(JsonNode arr, String what) {
        if (arr == null || !arr.isArray()) {
            return new Equity(new double[0], new double[0]);
        }
        double[] d = new double[arr.size()];
        double[] v = new double[arr.size()];
        for (int i = 0; i < arr.size(); i++) {
            JsonNode e = arr.get(i);
            if (!e.isArray() || e.size() < 2 || !e.get(1).isNumber()) {
                throw new IllegalArgumentException(what + "[" + i + "] is not [\"YYYY-MM-DD\", number]");
            }
            try {
                d[i] = LocalDate.parse(e.get(0).asText()).toEpochDay();
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException(what + "[" + i + "] has date '" + e.get(0).asText()
                        + "', expected YYYY-MM-DD");
            }
            v[i] = e.get(1).asDouble();
        }
        return new Equity(d, v);
    }

    public String render() {
        Page page = new Page("Sextant replay " + replay.path("from").asText("?") + " → " + replay.path("to").asText("?"),
                replay.path("sessions").asText("?") + " sessions · fill model " + replay.path("fill_model").asText("?")
                        + " · " + source);
        page.kpis(kpis());

        Equity strategy = equity(replay.get("equity"), "replay.equity");
        Equity bench = equity(replay.path("benchmark").get("equity"), "replay.benchmark.equity");
        Equity spy = equity(replay.path("spy").get("equity"), "replay.spy.equity");
        page.section("Equity", "The replayed strategy against buy-and-hold of the same universe"
                + (spy.isEmpty() ? "" : ", SPY") + " and the two controls (the same engine with a constant forecast band,"
                + " and with forecasts shuffled across days).");
        LineChart eq = new LineChart("Equity: strategy vs buy-and-hold and controls", "session date", "equity (account currency)")
                .dates().size(WIDE, 400);
        if (!strategy.isEmpty()) {
            eq.line("strategy", strategy.day(), strategy.value(), Palette.series(0), false);
        }
        if (!bench.isEmpty()) {
            eq.line("buy-and-hold", bench.day(), bench.value(), "#0f172a", false);
        }
        if (!spy.isEmpty()) {
            eq.line("SPY", spy.day(), spy.value(), Palette.MUTED, false);
        }
        int k = 1;
        for (Map.Entry<String, JsonNode> c : controls().entrySet()) {
            Equity ce = equity(c.getValue().get("equity"), "replay.controls." + c.getKey() + ".equity");
            if (!ce.isEmpty()) {
                eq.line("control: " + c.getKey(), ce.day(), ce.value(), Palette.series(k), true);
            }
            k++;
        }
        page.chart(eq.svg());
        if (!controls().isEmpty() || replay.has("benchmark")) {
            page.table(comparisonTable());
        }

        if (!strategy.isEmpty()) {
            page.section("Drawdown", "Distance below the running peak of equity.");
            LineChart dd = new LineChart("Drawdown from running peak", "session date", "drawdown (%)").dates().percent().size(WIDE, 300);
            dd.line("strategy", strategy.day(), drawdown(strategy.value()), Palette.series(0), false);
            if (!bench.isEmpty()) {
                dd.line("buy-and-hold", bench.day(), drawdown(bench.value()), "#0f172a", true);
            }
            page.chart(dd.svg());

            page.section("Monthly returns", "Return of each calendar month from the last equity of the month before"
                    + " (the first month from the first session).");
            page.chart(monthlyHeatMap(strategy));
        }

        if (gate != null && gate.path("cells").isArray() && gate.path("cells").size() > 0) {
            page.section("Realism gate", "Window returns over " + gate.path("window").asText("?") + "-session windows, "
                    + gate.path("from").asText("?") + " → " + gate.path("to").asText("?")
                    + ", per slippage, fee multiplier and order lag.");
            page.charts(List.of(gateHeatMap(gate, "median_return", "Gate: median window return"),
                    gateHeatMap(gate, "p10_return", "Gate: 10th-percentile window return")));
        } else {
            page.section("Realism gate", "No gate.json beside replay.json (run the replay with --gate to add it).");
        }

        JsonNode trades = tradeList(replay);
        JsonNode entries = replay.path("entry_outcomes");
        page.section("Claimed against realised, per entry",
                "Each dot is an entry the replay placed: the one-step daily return its strategy was picked on, against"
                        + " what the position it opened then made per unit of notional (0 when the entry never filled)."
                        + " Both are per decision, so the diagonal is \"earned what it claimed\"; dots below it did worse.");
        List<ScatterChart.Point> pts = new ArrayList<>();
        if (entries.isArray() && entries.size() > 0) {
            for (JsonNode e : entries) {
                double claimed = e.path("claimed_daily").asDouble(Double.NaN);
                double realised = e.path("realized").asDouble(Double.NaN);
                pts.add(new ScatterChart.Point(e.path("strategy").asText("?"), claimed, realised,
                        e.path("symbol").asText() + " " + e.path("session").asText() + ": claimed " + Html.pct(claimed, 2)
                                + ", realised " + Html.pct(realised, 2) + (e.path("filled").asBoolean() ? "" : " (not filled)")));
            }
        } else {
            for (JsonNode t : trades) {
                double realised = t.path("return").asDouble(Double.NaN) / heldDays(t);
                pts.add(new ScatterChart.Point(t.path("strategy").asText("?"), t.path("claimed_daily").asDouble(Double.NaN),
                        realised, t.path("symbol").asText() + " " + t.path("entry_date").asText() + ": claimed "
                                + Html.pct(t.path("claimed_daily").asDouble(Double.NaN), 2) + "/day, realised "
                                + Html.pct(realised, 2) + "/day"));
            }
        }
        if (pts.isEmpty()) {
            page.paragraph("No entries in this replay.");
        } else {
            page.chart(new ScatterChart("Claimed vs realised return per entry", "claimed one-step daily return (%)",
                    "realised return on notional (%)", pts).svg());
        }
        page.section("Trades", trades.size() + " trades.");
        Table tt = new Table("trades", List.of("symbol", "strategy", "side", "entry date", "exit date", "entry", "exit",
                "qty", "pnl", "return", "claimed daily"));
        for (JsonNode t : trades) {
            tt.row(List.of(Table.Cell.text(t.path("symbol").asText()), Table.Cell.text(t.path("strategy").asText()),
                    Table.Cell.text(t.path("side").asText()), Table.Cell.text(t.path("entry_date").asText()),
                    Table.Cell.text(t.path("exit_date").asText()), Table.Cell.num(t.path("entry_price").asDouble(Double.NaN)),
                    Table.Cell.num(t.path("exit_price").asDouble(Double.NaN)), Table.Cell.num(t.path("qty").asDouble(Double.NaN)),
                    Table.Cell.num(t.path("pnl").asDouble(Double.NaN)), Table.Cell.pct(t.path("return").asDouble(Double.NaN), 2),
                    Table.Cell.pct(t.path("claimed_daily").asDouble(Double.NaN), 3)));
        }
        page.table(tt);
        return page.html("Written by sextant report --html --replay from replay.json"
                + (gate == null ? "" : " and gate.json") + "; self-contained, no network needed.");
    }

    /** The round trips: {@code trade_list} as {@code sextant replay} writes it ({@code trades} is their count). */
    static JsonNode tradeList(JsonNode replay) {
        JsonNode list = replay.path("trade_list");
        return list.isArray() ? list : replay.path("trades").isArray() ? replay.path("trades")
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }

    private List<String[]> kpis() {
        List<String[]> k = new ArrayList<>();
        addPct(k, "total return", "total_return", 2);
        addPct(k, "CAGR", "cagr", 2);
        addNum(k, "Sharpe", "sharpe");
        addNum(k, "Sortino", "sortino");
        if (replay.has("max_drawdown")) {
            k.add(new String[] {"max drawdown", Html.pct(replay.path("max_drawdown").asDouble(), 2)
                    + (replay.has("max_drawdown_sessions") ? " / " + replay.path("max_drawdown_sessions").asInt() + " s" : "")});
        }
        addPct(k, "exposure", "exposure", 1);
        addNum(k, "turnover", "turnover");
        addNum(k, "fees", "fees");
        if (replay.path("trades").isNumber()) {
            k.add(new String[] {"trades", String.valueOf(replay.path("trades").asInt())});
        } else if (replay.path("trades").isArray()) {
            k.add(new String[] {"trades", String.valueOf(replay.path("trades").size())});
        }
        addPct(k, "hit rate", "hit_rate", 1);
        addPct(k, "avg trade", "avg_trade", 3);
        addWithSe(k, "claimed daily", "claimed_daily");
        addWithSe(k, "realised daily", "realized_daily");
        addWithSe(k, "forecast value", "forecast_value");
        if (replay.path("benchmark").has("total_return")) {
            k.add(new String[] {"buy-and-hold", Html.pct(replay.path("benchmark").path("total_return").asDouble(), 2)});
        }
        return k;
    }

    private void addPct(List<String[]> k, String name, String key, int decimals) {
        if (replay.path(key).isNumber()) {
            k.add(new String[] {name, Html.pct(replay.path(key).asDouble(), decimals)});
        }
    }

    private void addNum(List<String[]> k, String name, String key) {
        if (replay.path(key).isNumber()) {
            k.add(new String[] {name, Html.num(replay.path(key).asDouble())});
        }
    }

    private void addWithSe(List<String[]> k, String name, String key) {
        if (replay.path(key).isNumber()) {
            String se = replay.path(key + "_se").isNumber() ? " ± " + Html.pct(replay.path(key + "_se").asDouble(), 3)
                    .substring(1) : "";
            k.add(new String[] {name, Html.pct(replay.path(key).asDouble(), 3) + se});
        }
    }

    private Map<String, JsonNode> controls() {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        replay.path("controls").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private Table comparisonTable() {
        Table t = new Table("comparison", List.of("run", "total return", "Sharpe", "max drawdown"));
        t.row(List.of(Table.Cell.text("strategy"), Table.Cell.pct(replay.path("total_return").asDouble(Double.NaN), 2),
                Table.Cell.num(replay.path("sharpe").asDouble(Double.NaN)),
                Table.Cell.pct(replay.path("max_drawdown").asDouble(Double.NaN), 2)));
        if (replay.has("benchmark")) {
            JsonNode b = replay.path("benchmark");
            t.row(List.of(Table.Cell.text("buy-and-hold"), Table.Cell.pct(b.path("total_return").asDouble(Double.NaN), 2),
                    Table.Cell.num(b.path("sharpe").asDouble(Double.NaN)),
                    Table.Cell.pct(b.path("max_drawdown").asDouble(Double.NaN), 2)));
        }
        if (replay.has("spy")) {
            JsonNode b = replay.path("spy");
            t.row(List.of(Table.Cell.text("SPY"), Table.Cell.pct(b.path("total_return").asDouble(Double.NaN), 2),
                    Table.Cell.num(b.path("sharpe").asDouble(Double.NaN)),
                    Table.Cell.pct(b.path("max_drawdown").asDouble(Double.NaN), 2)));
        }
        for (Map.Entry<String, JsonNode> c : controls().entrySet()) {
            JsonNode b = c.getValue();
            t.row(List.of(Table.Cell.text("control: " + c.getKey()), Table.Cell.pct(b.path("total_return").asDouble(Double.NaN), 2),
                    Table.Cell.num(b.path("sharpe").asDouble(Double.NaN)),
                    Table.Cell.pct(b.path("max_drawdown").asDouble(Double.NaN), 2)));
        }
        return t;
    }

    static double[] drawdown(double[] equity) {
        double[] dd = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? equity[i] / peak - 1 : Double.NaN;
        }
        return dd;
    }

    /** Month returns keyed by year, then month 1..12. */
    static Map<Integer, double[]> monthlyReturns(Equity e) {
        Map<Integer, double[]> out = new TreeMap<>();
        double base = e.value()[0];
        int currentKey = -1;
        double last = base;
        for (int i = 0; i < e.day().length; i++) {
            LocalDate d = LocalDate.ofEpochDay((long) e.day()[i]);
            int key = d.getYear() * 12 + d.getMonthValue() - 1;
            if (currentKey != -1 && key != currentKey) {
                put(out, currentKey, last / base - 1);
                base = last;
            }
            currentKey = key;
            last = e.value()[i];
        }
        if (currentKey != -1) {
            put(out, currentKey, last / base - 1);
        }
        return out;
    }

    private static void put(Map<Integer, double[]> out, int key, double r) {
        double[] row = out.computeIfAbsent(key / 12, y -> {
            double[] a = new double[12];
            java.util.Arrays.fill(a, Double.NaN);
            return a;
        });
        row[key % 12] = r;
    }

    private static String monthlyHeatMap(Equity e) {
        Map<Integer, double[]> m = monthlyReturns(e);
        List<String> rows = new ArrayList<>();
        double[][] v = new double[m.size()][];
        int i = 0;
        for (Map.Entry<Integer, double[]> row : m.entrySet()) {
            rows.add(String.valueOf(row.getKey()));
            v[i++] = row.getValue();
        }
        return new HeatMap("Monthly returns of the strategy", "month", "year", "monthly return", List.of(MONTHS), rows, v)
                .svg();
    }

    private static String gateHeatMap(JsonNode gate, String field, String title) {
        TreeSet<Double> slippages = new TreeSet<>();
        TreeSet<String> columns = new TreeSet<>((a, b) -> {
            String[] x = a.split("\u0000");
            String[] y = b.split("\u0000");
            int c = Double.compare(Double.parseDouble(x[0]), Double.parseDouble(y[0]));
            return c != 0 ? c : Double.compare(Double.parseDouble(x[1]), Double.parseDouble(y[1]));
        });
        for (JsonNode c : gate.path("cells")) {
            slippages.add(c.path("slippage_bps").asDouble());
            columns.add(c.path("fee_multiplier").asDouble() + "\u0000" + c.path("lag").asDouble());
        }
        List<Double> rowKeys = new ArrayList<>(slippages);
        List<String> colKeys = new ArrayList<>(columns);
        double[][] v = new double[rowKeys.size()][colKeys.size()];
        for (double[] r : v) {
            java.util.Arrays.fill(r, Double.NaN);
        }
        for (JsonNode c : gate.path("cells")) {
            int r = rowKeys.indexOf(c.path("slippage_bps").asDouble());
            int col = colKeys.indexOf(c.path("fee_multiplier").asDouble() + "\u0000" + c.path("lag").asDouble());
            v[r][col] = c.path(field).asDouble(Double.NaN);
        }
        List<String> rowLabels = rowKeys.stream().map(s -> Html.tick(s, 1) + " bps").toList();
        List<String> colLabels = colKeys.stream().map(s -> {
            String[] p = s.split("\u0000");
            return "fee ×" + Html.tick(Double.parseDouble(p[0]), Double.parseDouble(p[0]) % 1 == 0 ? 1 : 0.1) + ", lag "
                    + Html.tick(Double.parseDouble(p[1]), 1);
        }).toList();
        return new HeatMap(title, "fee multiplier and order lag (sessions)", "slippage", "window return", colLabels,
                rowLabels, v).svg();
    }

    /** Sessions a trade was held: weekdays for stocks, calendar days for crypto (USD pairs), at least one. */
    private static double heldDays(JsonNode t) {
        try {
            LocalDate a = LocalDate.parse(t.path("entry_date").asText());
            LocalDate b = LocalDate.parse(t.path("exit_date").asText());
            boolean crypto = t.path("symbol").asText().endsWith("USD") || t.path("symbol").asText().contains("/");
            int n = 0;
            for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
                if (crypto || (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)) {
                    n++;
                }
            }
            return Math.max(1, n);
        } catch (DateTimeParseException e) {
            return 1;
        }
    }
}
