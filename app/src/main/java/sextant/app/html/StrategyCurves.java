package sextant.app.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per strategy, an equity curve of one-step-ahead (walk-forward) returns with its standard error.
 *
 * <p>The ledger does not yet hold a per-day one-step-ahead return series per strategy, only each symbol's
 * walk-forward average daily return over its windows ({@code backtests.oos_avg_daily}). Until it does, the curve is
 * that average across the cycle's symbols, compounded over the window span, and the band is plus or minus one
 * standard error of that cross-symbol mean, compounded the same way. {@link #fromBacktests} is the one place to switch
 * to the stored daily series when it exists; everything that draws the curves reads only {@link Curve}.
 */
final class StrategyCurves {
    /** Cumulative return by day (0 = start) with a lower and upper one-standard-error line; {@code basis} says how. */
    record Curve(String strategy, double[] day, double[] cumulative, double[] lower, double[] upper, int symbols,
                 String basis) {
    }

    static final String BASIS = "walk-forward average daily return across symbols, compounded; band: ±1 standard error"
            + " of that mean (placeholder until per-day one-step-ahead returns are stored)";

    private StrategyCurves() {
    }

    static final String STORED_BASIS = "the one-step-ahead results (fitted on the bars before each bar, traded on that"
            + " bar) averaged over the symbols bar by bar and summed; band: ±1 standard error of that sum (the"
            + " cross-symbol standard errors of the bars, combined as independent)";

    /** Curves from the ledger's {@code strategy_curves} rows (strategy, symbols, mean_json, se_json). */
    static List<Curve> fromStored(List<Map<String, Object>> rows) {
        List<Curve> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            double[] mean = parse(Rows.str(r, "mean_json"));
            double[] se = parse(Rows.str(r, "se_json"));
            int n = Math.min(mean.length, se.length);
            if (n == 0) {
                continue;
            }
            double[] day = new double[n + 1];
            double[] cum = new double[n + 1];
            double[] lo = new double[n + 1];
            double[] hi = new double[n + 1];
            double var = 0;
            for (int t = 1; t <= n; t++) {
                day[t] = t;
                cum[t] = cum[t - 1] + mean[t - 1];
                var += se[t - 1] * se[t - 1];
                lo[t] = cum[t] - Math.sqrt(var);
                hi[t] = cum[t] + Math.sqrt(var);
            }
            out.add(new Curve(Rows.str(r, "strategy"), day, cum, lo, hi, (int) Rows.num(r, "symbols"), STORED_BASIS));
        }
        return out;
    }

    private static double[] parse(String json) {
        String body = json == null ? "" : json.trim();
        if (body.length() < 2) {
            return new double[0];
        }
        body = body.substring(1, body.length() - 1).trim();
        if (body.isEmpty()) {
            return new double[0];
        }
        String[] parts = body.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            out[i] = p.equals("null") ? 0 : Double.parseDouble(p);
        }
        return out;
    }

    static List<Curve> fromBacktests(List<Map<String, Object>> backtestRows, int days) {
        Map<String, List<Double>> byStrategy = new LinkedHashMap<>();
        for (Map<String, Object> r : backtestRows) {
            double v = Rows.num(r, "oos_avg_daily");
            if (Double.isFinite(v) && Rows.num(r, "windows") > 0) {
                byStrategy.computeIfAbsent(Rows.str(r, "strategy"), k -> new ArrayList<>()).add(v);
            }
        }
        List<Curve> out = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : byStrategy.entrySet()) {
            List<Double> xs = e.getValue();
            double mean = 0;
            for (double x : xs) {
                mean += x;
            }
            mean /= xs.size();
            double ss = 0;
            for (double x : xs) {
                ss += (x - mean) * (x - mean);
            }
            double se = xs.size() > 1 ? Math.sqrt(ss / (xs.size() - 1) / xs.size()) : Double.NaN;
            double[] day = new double[days + 1];
            double[] cum = new double[days + 1];
            double[] lo = new double[days + 1];
            double[] hi = new double[days + 1];
            for (int t = 0; t <= days; t++) {
                day[t] = t;
                cum[t] = Math.pow(1 + mean, t) - 1;
                lo[t] = Double.isFinite(se) ? Math.pow(1 + mean - se, t) - 1 : Double.NaN;
                hi[t] = Double.isFinite(se) ? Math.pow(1 + mean + se, t) - 1 : Double.NaN;
            }
            out.add(new Curve(e.getKey(), day, cum, lo, hi, xs.size(), BASIS));
        }
        return out;
    }
}
