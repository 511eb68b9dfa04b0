package sextant.core.backtest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sextant.core.metrics.MetricsAverage;
import sextant.core.metrics.PerformanceMetrics;
import sextant.core.optimize.EntryExitOptimizer;
import sextant.core.optimize.MultiplierFit;
import sextant.core.order.Side;
import sextant.core.strategy.AlwaysOnResult;
import sextant.core.strategy.BandSeries;
import sextant.core.strategy.BlendedStrategy;
import sextant.core.strategy.BlendedWindow;
import sextant.core.strategy.FillModel;
import sextant.core.strategy.MaxDiff;
import sextant.core.strategy.MaxDiffAlwaysOn;
import sextant.core.strategy.MaxDiffResult;
import sextant.core.strategy.PctDiff;
import sextant.core.strategy.PctDiffFit;

/**
 * Reports of the fitted strategies (MaxDiff, MaxDiffAlwaysOn, PctDiff) over all windows of one symbol.
 *
 * <p>In-sample: the original's per-window evaluation (parameters fitted and scored on the same days). For MaxDiff
 * and AlwaysOn its {@link Metrics#totalReturn()} and {@link Metrics#sharpe()} are the original's blends
 * ({@code baseline + 0.3 x optimised}); the other fields describe the optimised daily series.
 * Out-of-sample (walk-forward, fixes W-6): window k's parameters (multipliers and close-at-EOD flag) are fitted on
 * the d bars before it and scored, unblended, on the window.
 */
final class MaxDiffFamilyReports {
    private final WindowLayout layout;
    private final BandSeries bands;
    private final MaxDiff maxDiff;
    private final EntryExitOptimizer optimizer = new EntryExitOptimizer();
    private final double[] scratch;
    private final BacktestMemo memo;
    private final String symbol;

    MaxDiffFamilyReports(WindowLayout layout, BandSeries bands, BacktestMemo memo, String symbol) {
        this.layout = layout;
        this.bands = bands;
        this.memo = memo;
        this.symbol = symbol;
        this.maxDiff = new MaxDiff(bands, layout.crypto(), layout.fee(), layout.periodsPerYear(), layout.fillModel());
        this.scratch = new double[layout.days()];
    }

    StrategyReport maxDiff() {
        Windows<MaxDiffResult> ws = windows(StrategyId.MAXDIFF, maxDiff);
        MaxDiffResult newest = ws.newest();
        NextBarPlan plan = Plans.maxDiff(bands, maxDiff, layout.next(), newest.closeAtEod(), newest.highMultiplier(),
                newest.lowMultiplier());
        Map<String, Object> d = fitDetails(newest);
        d.put("trades_positive", newest.tradesPositive());
        d.put("trades_negative", newest.tradesNegative());
        d.put("trades_total", newest.tradesTotal());
        d.put("primary_side", newest.primarySide());
        d.put("trade_bias", newest.tradeBias());
        d.put("invalid_forecasts", newest.invalidForecasts());
        d.put("valid_forecasts", newest.validForecasts());
        d.put("turnover", newest.turnover());
        d.put("fill_model", layout.fillModel().key());
        putPrices(d, plan);
        return new StrategyReport(StrategyId.MAXDIFF, ws.in(), ws.out(), ws.returns(), ws.avgDaily(), plan, d,
                ws.oneStep(), ws.history());
    }

    StrategyReport alwaysOn() {
        MaxDiffAlwaysOn ao = new MaxDiffAlwaysOn(bands, layout.crypto(), layout.fee(), layout.periodsPerYear(),
                layout.fillModel());
        Windows<AlwaysOnResult> ws = windows(StrategyId.MAXDIFF_ALWAYS_ON, ao);
        AlwaysOnResult newest = ws.newest();
        NextBarPlan plan = Plans.alwaysOn(bands, layout.next(), newest.closeAtEod(), newest.highMultiplier(),
                newest.lowMultiplier());
        Map<String, Object> d = fitDetails(newest);
        d.put("buy_contribution", newest.buyContribution());
        d.put("sell_contribution", newest.sellContribution());
        d.put("filled_buy_trades", newest.filledBuyTrades());
        d.put("filled_sell_trades", newest.filledSellTrades());
        d.put("trades_total", newest.tradesTotal());
        d.put("primary_side", newest.tradeBias() > 0 ? "buy" : newest.tradeBias() < 0 ? "sell" : "neutral");
        d.put("trade_bias", newest.tradeBias());
        d.put("turnover", newest.turnover());
        d.put("fill_model", layout.fillModel().key());
        putPrices(d, plan);
        if (plan.trades() && !layout.crypto() && layout.fillModel() == FillModel.ORIGINAL) {
            d.put("sell_entry_price", plan.takeProfitPrice());
            d.put("sell_takeprofit_price", plan.entryPrice());
        }
        return new StrategyReport(StrategyId.MAXDIFF_ALWAYS_ON, ws.in(), ws.out(), ws.returns(), ws.avgDaily(), plan, d,
                ws.oneStep(), ws.history());
    }

    /** Per-window blended totals, mean in-sample and walk-forward metrics, and the newest window's (k = 0) result. */
    private record Windows<R>(R newest, Metrics in, Metrics out, double[] returns, double[] avgDaily,
                              OneStepSeries oneStep, OneStepSeries history) {
    }

    /**
     * The original's in-sample evaluation of every window, and the one-step-ahead series: each of the newest bars
     * traded under the multipliers and flag fitted on the d bars before it (a fit never carries a position past its
     * own range, so no later bar leaks into it; the scored bar may carry into the next closed bar, as live would).
     */
    private <R extends BlendedWindow> Windows<R> windows(StrategyId id, BlendedStrategy<R> strategy) {
        int w = layout.windows();
        double[] returns = new double[w];
        double[] avgDaily = new double[w];
        MetricsAverage in = new MetricsAverage();
        @Nullable R newest = null;
        for (int k = 0; k < w; k++) {
            int from = layout.from(k);
            int to = layout.to(k);
            BacktestMemo.Key key = key(id, 0, from - 1, to, from, to);
            @SuppressWarnings("unchecked")
            R r = (R) memo.get(key);
            if (r == null) {
                r = strategy.evaluate(from, to, optimizer);
                memo.put(key, r);
            }
            if (k == 0) {
                newest = r;
            }
            returns[k] = r.blendedReturn();
            avgDaily[k] = r.blendedAvgDaily();
            Metrics m = PerformanceMetrics.of(r.daily(), 0, r.daily().length, layout.periodsPerYear(), r.tradesTotal());
            in.add(blend(m, r.blendedReturn(), r.blendedSharpe()));
        }
        int first = layout.historyFrom();
        int d = layout.days();
        double[] hist = new double[layout.bars() - first];
        for (int i = 0; i < hist.length; i++) {
            int t = first + i;
            BacktestMemo.Key key = key(id, 1, t - d - 1, Math.min(t + 2, layout.bars()), t - d, t + 1);
            Double known = (Double) memo.get(key);
            if (known != null) {
                hist[i] = known;
                continue;
            }
            MultiplierFit fit = optimizer.fitBothFlags(strategy.problem(t - d, t));
            hist[i] = strategy.problem(t, t + 1).range(t, t + 1, layout.bars())
                    .day(t, fit.highMultiplier(), fit.lowMultiplier(), fit.closeAtEod());
            memo.put(key, hist[i]);
        }
        OneStepSeries history = new OneStepSeries(hist, first);
        OneStepSeries series = history.tail(w);
        Metrics out = PerformanceMetrics.of(series.returns(), 0, w, layout.periodsPerYear(), nonZero(series.returns()));
        // Window k = 0 always exists (layout.windows() >= 1), so the loop above has set the newest result.
        return new Windows<>(Objects.requireNonNull(newest, "no window"), in.mean(), out, returns, avgDaily, series, history);
    }

    private BacktestMemo.Key key(StrategyId id, int kind, int barsFrom, int barsTo, int fcFrom, int fcTo) {
        return new BacktestMemo.Key(symbol, id, kind, BacktestMemo.hash(bands, barsFrom, barsTo, fcFrom, fcTo,
                layout.fee(), (layout.fillModel() == FillModel.CONSERVATIVE ? 0 : 2) + (layout.crypto() ? 1 : 0)));
    }

    /** A PctDiff window's fit, as the memo keeps it. */
    private record PctDiffWindow(PctDiffFit fit, int trades, Metrics metrics) {
    }

    private static int nonZero(double[] xs) {
        int n = 0;
        for (double x : xs) {
            n += x != 0 ? 1 : 0;
        }
        return n;
    }

    /** The entries MaxDiff and AlwaysOn details share: the newest window's fit and its two returns. */
    private static Map<String, Object> fitDetails(BlendedWindow newest) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("high_multiplier", newest.highMultiplier());
        d.put("low_multiplier", newest.lowMultiplier());
        d.put("close_at_eod", newest.closeAtEod());
        d.put("baseline_return", newest.baselineReturn());
        d.put("optimized_return", newest.optimisedReturn());
        return d;
    }

    StrategyReport pctDiff() {
        PctDiff pd = new PctDiff(maxDiff);
        int w = layout.windows();
        double[] returns = new double[w];
        double[] avgDaily = new double[w];
        MetricsAverage in = new MetricsAverage();
        @Nullable PctDiffFit newest = null;
        int newestTrades = 0;
        for (int k = 0; k < w; k++) {
            int from = layout.from(k);
            int to = layout.to(k);
            BacktestMemo.Key key = key(StrategyId.PCTDIFF, 2, from - 1, to, from, to);
            PctDiffWindow pw = (PctDiffWindow) memo.get(key);
            if (pw == null) {
                PctDiffFit fit = pd.fit(from, to);
                int trades = pd.daily(from, to, fit, scratch);
                pw = new PctDiffWindow(fit, trades, PerformanceMetrics.of(scratch, 0, scratch.length,
                        layout.periodsPerYear(), trades));
                memo.put(key, pw);
            }
            if (k == 0) {
                newest = pw.fit();
                newestTrades = pw.trades();
            }
            Metrics m = pw.metrics();
            in.add(m);
            returns[k] = m.totalReturn();
            avgDaily[k] = m.avgDailyReturn();
        }
        int first = layout.historyFrom();
        double[] hist = new double[layout.bars() - first];
        double[] bar = new double[1];
        for (int i = 0; i < hist.length; i++) {
            int t = first + i;
            BacktestMemo.Key key = key(StrategyId.PCTDIFF, 3, t - layout.days() - 1, t + 1, t - layout.days(), t + 1);
            Double known = (Double) memo.get(key);
            if (known == null) {
                pd.daily(t, t + 1, pd.fit(t - layout.days(), t), bar);
                known = bar[0];
                memo.put(key, known);
            }
            hist[i] = known;
        }
        OneStepSeries history = new OneStepSeries(hist, first);
        double[] one = history.tail(w).returns();
        Metrics out = PerformanceMetrics.of(one, 0, w, layout.periodsPerYear(), nonZero(one));
        // Window k = 0 always exists (layout.windows() >= 1), so the loop above has set the newest fit.
        PctDiffFit fitted = Objects.requireNonNull(newest, "no window");
        NextBarPlan plan = pctDiffPlan(fitted);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("low_multiplier", fitted.lowMultiplier());
        d.put("high_multiplier", fitted.highMultiplier());
        d.put("takeprofit_long", fitted.takeProfitLong());
        d.put("takeprofit_short", fitted.takeProfitShort());
        d.put("fitted_return", fitted.value());
        d.put("trades_total", newestTrades);
        putPrices(d, plan);
        d.put("fill_model", "original (pctdiff has no conservative kernel)");
        return new StrategyReport(StrategyId.PCTDIFF, in.mean(), out, returns, avgDaily, plan, d,
                history.tail(w), history);
    }

    private NextBarPlan pctDiffPlan(PctDiffFit p) {
        int n = layout.next();
        String missing = Plans.missingForecast(bands, n);
        if (missing != null) {
            return NextBarPlan.none(missing);
        }
        int dir = maxDiff.direction(n);
        if (dir == 0) {
            return NextBarPlan.none(MaxDiff.isValid(bands.highPredicted()[n], bands.lowPredicted()[n])
                    ? "long-only (crypto, or an account that cannot short) and the forecast favours a short"
                    : "invalid forecast band: predicted low >= predicted high");
        }
        double prev = bands.close(n - 1);
        if (dir > 0) {
            double entry = Math.max(prev * (1 + bands.forecastLow(n)) * (1 + p.lowMultiplier()), 1e-6);
            return new NextBarPlan(Side.BUY, entry, entry * (1 + p.takeProfitLong()), true, p.highMultiplier(),
                    p.lowMultiplier(), "pctdiff long");
        }
        double entry = prev * (1 + bands.forecastHigh(n)) * (1 + p.highMultiplier());
        return new NextBarPlan(Side.SELL, entry, entry * (1 - p.takeProfitShort()), true, p.highMultiplier(),
                p.lowMultiplier(), "pctdiff short");
    }

    private static void putPrices(Map<String, Object> d, NextBarPlan plan) {
        if (plan.trades()) {
            d.put("entry_price", plan.entryPrice());
            d.put("takeprofit_price", plan.takeProfitPrice());
        }
    }

    private static Metrics blend(Metrics m, double total, double sharpe) {
        return new Metrics(total, m.compoundedReturn(), sharpe, m.sortino(), m.maxDrawdown(), m.winRate(), m.turnover(),
                m.trades(), m.days());
    }
}
