package sextant.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import sextant.core.optimize.EntryExitOptimizer;
import sextant.core.optimize.MultiplierFit;
import sextant.core.optimize.MultiplierProblem;
import sextant.core.strategy.AlwaysOnResult;
import sextant.core.strategy.BandSeries;
import sextant.core.strategy.BlendedStrategy;
import sextant.core.strategy.BlendedWindow;
import sextant.core.strategy.EntryExitKernel;
import sextant.core.strategy.MaxDiff;
import sextant.core.strategy.MaxDiffAlwaysOn;
import sextant.core.strategy.MaxDiffResult;

/**
 * Replays reference cases in the anchor fixture format (see shared README: {@code kernel_cases.json} plus one file
 * per MaxDiff/AlwaysOn window) against Sextant's strategy math. One {@link Outcome} per case; a failed case lists
 * every difference found.
 */
final class ParityCases {
    /** Daily PnL, baselines and blended totals: the fixtures are float32, so about 1e-6. */
    static final double PNL_TOL = 1e-6;
    /** The optimiser may beat the reference grid but must never lose to it by more than this. */
    static final double OPT_TOL = 1e-7;
    /** The given actual percent changes must follow from the given bars. */
    static final double ACTUAL_TOL = 1e-9;

    record Outcome(String name, List<String> differences) {
        boolean passed() {
            return differences.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EntryExitOptimizer optimizer = new EntryExitOptimizer();

    /** Every case in {@code dir}: {@code kernel_cases.json} (one outcome per kernel case) and each other *.json. */
    List<Outcome> run(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory (give --fixtures the folder holding the case files)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(dir + ": no *.json case files found");
        }
        List<Outcome> out = new ArrayList<>();
        for (Path f : files) {
            JsonNode root = read(f);
            if (f.getFileName().toString().equals("kernel_cases.json")) {
                out.addAll(kernelCases(f, root));
            } else {
                out.add(windowCase(f, root));
            }
        }
        return out;
    }

    private static JsonNode read(Path f) throws IOException {
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new IOException(f + ": not valid JSON (" + Objects.toString(e.getMessage(), e.toString()).lines().findFirst().orElse("") + ")", e);
        }
    }

    List<Outcome> kernelCases(Path f, JsonNode root) throws IOException {
        JsonNode cases = root.path("cases");
        if (!cases.isArray()) {
            throw new IOException(f + ": expected an object with a \"cases\" array");
        }
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            String name = f.getFileName() + "#" + i;
            List<String> diffs = new ArrayList<>();
            double[] expected = doubles(c, "expected_daily", name);
            double[] got = EntryExitKernel.daily(doubles(c, "close", name), doubles(c, "high", name),
                    doubles(c, "high_pred", name), doubles(c, "low", name), doubles(c, "low_pred", name),
                    doubles(c, "weight", name), bool(c, "close_at_eod", name), num(c, "fee", name));
            compareArrays(diffs, "daily", expected, got, PNL_TOL);
            out.add(new Outcome(name, diffs));
        }
        return out;
    }

    Outcome windowCase(Path f, JsonNode c) throws IOException {
        String name = f.getFileName().toString();
        List<String> diffs = new ArrayList<>();
        int n = (int) num(c, "evaluated_days", name);
        boolean crypto = bool(c, "is_crypto", name);
        double fee = num(c, "fee", name);
        int periods = (int) num(c, "trading_days_per_year", name);
        JsonNode bars = c.path("bars");
        if (!bars.isArray() || bars.size() != n + 2) {
            throw new IOException(name + ": \"bars\" must hold evaluated_days + 2 = " + (n + 2) + " rows");
        }
        int m = n + 2;
        double[] close = new double[m];
        double[] high = new double[m];
        double[] low = new double[m];
        for (int i = 0; i < m; i++) {
            JsonNode b = bars.get(i);
            close[i] = num(b, "close", name + " bars[" + i + "]");
            high[i] = num(b, "high", name + " bars[" + i + "]");
            low[i] = num(b, "low", name + " bars[" + i + "]");
        }
        // Row i+1 is the i-th evaluated bar; forecasts are indexed like the bars.
        double[] fc = shifted(doubles(c.path("forecast_pct"), "close", name + " forecast_pct"), m);
        double[] fh = shifted(doubles(c.path("forecast_pct"), "high", name + " forecast_pct"), m);
        double[] fl = shifted(doubles(c.path("forecast_pct"), "low", name + " forecast_pct"), m);
        BandSeries bands = BandSeries.of(close, high, low, fc, fh, fl);
        compareActuals(diffs, c.path("actual_pct"), bands, n, name);
        int from = 1;
        int to = n + 1;

        JsonNode md = c.path("expected").path("maxdiff");
        JsonNode mdm = md.path("meta");
        MaxDiff maxDiff = new MaxDiff(bands, crypto, fee, periods);
        MaxDiffResult r = replay(maxDiff, from, to, mdm, "maxdiff_close_at_eod", "maxdiffprofit_profit_high_multiplier",
                "maxdiffprofit_profit_low_multiplier", name);
        compareCounts(diffs, "maxdiff", mdm, name,
                new String[] {"trades_positive", "trades_negative", "trades_total", "invalid_forecasts", "valid_forecasts"},
                new int[] {r.tradesPositive(), r.tradesNegative(), r.tradesTotal(), r.invalidForecasts(), r.validForecasts()});
        compareBlended(diffs, "maxdiff", md, "maxdiffprofit", r, maxDiff.problem(from, to), name);

        JsonNode ao = c.path("expected").path("maxdiffalwayson");
        JsonNode aom = ao.path("meta");
        MaxDiffAlwaysOn alwaysOn = new MaxDiffAlwaysOn(bands, crypto, fee, periods);
        AlwaysOnResult a = replay(alwaysOn, from, to, aom, "maxdiffalwayson_close_at_eod", "maxdiffalwayson_high_multiplier",
                "maxdiffalwayson_low_multiplier", name);
        compareCounts(diffs, "maxdiffalwayson", aom, name, new String[] {"filled_buy_trades", "filled_sell_trades"},
                new int[] {a.filledBuyTrades(), a.filledSellTrades()});
        compareBlended(diffs, "maxdiffalwayson", ao, "maxdiffalwayson", a, alwaysOn.problem(from, to), name);
        return new Outcome(name, diffs);
    }

    /** Counts the original reports in the strategy's meta as {@code <strategy>_<what>}, against ours, in order. */
    private static void compareCounts(List<String> diffs, String strategy, JsonNode meta, String name, String[] what,
                                      int[] got) throws IOException {
        for (int k = 0; k < what.length; k++) {
            compareInt(diffs, strategy + " " + what[k], (int) num(meta, strategy + "_" + what[k], name), got[k]);
        }
    }

    /** The strategy evaluated on [from, to) at the flag and multipliers the original kept (its meta keys named). */
    private static <R extends BlendedWindow> R replay(BlendedStrategy<R> strategy, int from, int to, JsonNode meta,
                                                     String eodKey, String highKey, String lowKey, String name)
            throws IOException {
        return strategy.evaluateWith(from, to, bool(meta, eodKey, name), num(meta, highKey, name), num(meta, lowKey, name));
    }

    /**
     * What both strategies report alike: the baseline, the optimised daily series, the blended total and the
     * optimiser's value against the original's. {@code metaPrefix} is how the original names the strategy's meta keys.
     */
    private void compareBlended(List<String> diffs, String strategy, JsonNode expected, String metaPrefix,
                                BlendedWindow got, MultiplierProblem problem, String name) throws IOException {
        JsonNode meta = expected.path("meta");
        compare(diffs, strategy + " baseline_return", num(meta, metaPrefix + "_baseline_return", name), got.baselineReturn(), PNL_TOL);
        compareArrays(diffs, strategy + " daily", doubles(expected, "daily", name), got.daily(), PNL_TOL);
        compare(diffs, strategy + " total_return", num(expected, "total_return", name), got.blendedReturn(), PNL_TOL);
        compareOptimiser(diffs, strategy, problem, got.closeAtEod(), num(meta, metaPrefix + "_optimized_return", name));
    }

    /** The exact search may beat the original's grid optimum, but must never fall short of it. */
    private void compareOptimiser(List<String> diffs, String strategy, MultiplierProblem problem, boolean eod, double reference) {
        MultiplierFit fit = optimizer.fit(problem, eod);
        if (fit.value() < reference - OPT_TOL) {
            diffs.add(String.format(Locale.ROOT, "%s optimiser: %.9f < reference %.9f (close_at_eod=%s)", strategy, fit.value(), reference, eod));
        }
    }

    private static void compareActuals(List<String> diffs, JsonNode actual, BandSeries b, int n, String name)
            throws IOException {
        double[] c = doubles(actual, "close", name + " actual_pct");
        double[] h = doubles(actual, "high", name + " actual_pct");
        double[] l = doubles(actual, "low", name + " actual_pct");
        for (int i = 0; i < n; i++) {
            int t = i + 1;
            compare(diffs, "actual_pct.close[" + i + "]", c[i], b.closeActual()[t], ACTUAL_TOL);
            compare(diffs, "actual_pct.high[" + i + "]", h[i], b.highChange()[t], ACTUAL_TOL);
            compare(diffs, "actual_pct.low[" + i + "]", l[i], b.lowChange()[t], ACTUAL_TOL);
        }
    }

    private static double[] shifted(double[] v, int m) {
        double[] out = new double[m];
        Arrays.fill(out, Double.NaN);
        System.arraycopy(v, 0, out, 1, Math.min(v.length, m - 1));
        return out;
    }

    private static void compare(List<String> diffs, String what, double expected, double got, double tol) {
        if (!(Math.abs(expected - got) <= tol)) {
            diffs.add(String.format(Locale.ROOT, "%s: expected %.10g, got %.10g (diff %.3g)", what, expected, got, got - expected));
        }
    }

    private static void compareInt(List<String> diffs, String what, int expected, int got) {
        if (expected != got) {
            diffs.add(what + ": expected " + expected + ", got " + got);
        }
    }

    private static void compareArrays(List<String> diffs, String what, double[] expected, double[] got, double tol) {
        if (expected.length != got.length) {
            diffs.add(what + ": expected " + expected.length + " values, got " + got.length);
            return;
        }
        for (int i = 0; i < expected.length; i++) {
            compare(diffs, what + "[" + i + "]", expected[i], got[i], tol);
        }
    }

    private static double num(JsonNode n, String field, String where) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !(v.isNumber() || v.isBoolean())) {
            throw new IOException(where + ": missing number \"" + field + "\"");
        }
        return v.isBoolean() ? (v.asBoolean() ? 1 : 0) : v.asDouble();
    }

    private static boolean bool(JsonNode n, String field, String where) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IOException(where + ": missing boolean \"" + field + "\"");
        }
        return v.asBoolean();
    }

    private static double[] doubles(JsonNode n, String field, String where) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new IOException(where + ": missing number array \"" + field + "\"");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber()) {
                throw new IOException(where + ": \"" + field + "\"[" + i + "] is not a number");
            }
            out[i] = e.asDouble();
        }
        return out;
    }
}
