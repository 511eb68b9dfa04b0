package sextant.core.backtest;

import java.util.LinkedHashMap;
import java.util.Map;
import sextant.core.metrics.MetricsAverage;
import sextant.core.metrics.PerformanceMetrics;
import sextant.core.order.Side;
import sextant.core.strategy.BandSeries;
import sextant.core.strategy.CloseSignalReturns;
import sextant.core.strategy.CloseSignals;
import sextant.core.strategy.LimitStrategies;

/**
 * Reports of the strategies without fitted parameters: the close-signal family (simple, all_signals, buy_hold,
 * unprofit_shutdown; anchor-spec §5.4.1), takeprofit (§5.4.2) and highlow (§5.4.3).
 *
 * <p>Alignment: bar t is traded on the forecast of bar t and judged on bar t's own realised change. (The original
 * pairs the close-signal forecasts with the returns of the following bar, §5.2; nothing here is shifted.) With no
 * parameters to fit, the out-of-sample metrics equal the in-sample ones. Close-signal costs use a spread ratio of
 * 1 (no quote is known inside a backtest; the original used the latest quote's ask/bid).
 */
final class UnfittedReports {
    static final double SPREAD = 1.0;

    private final WindowLayout layout;
    private final BandSeries bands;
    private final double[] fc;
    private final double[] fh;
    private final double[] fl;
    private final double[] signals;
    private final double[] daily;

    UnfittedReports(WindowLayout layout, BandSeries bands, ForecastPath f) {
        this.layout = layout;
        this.bands = bands;
        this.fc = f.close();
        this.fh = f.high();
        this.fl = f.low();
        this.signals = new double[layout.days() + 1];
        this.daily = new double[layout.days()];
    }

    StrategyReport closeSignal(StrategyId id) {
        int w = layout.windows();
        int d = layout.days();
        double[] returns = new double[w];
        double[] avgDaily = new double[w];
        MetricsAverage in = new MetricsAverage();
        double[] ca = bands.closeActual();
        for (int k = 0; k < w; k++) {
            int from = layout.from(k);
            signals(id, from, d);
            CloseSignalReturns.daily(signals, d, ca, from, layout.fee(), SPREAD, daily);
            int trades = 0;
            for (int i = 0; i < d; i++) {
                trades += signals[i] != 0 ? 1 : 0;
            }
            Metrics m = PerformanceMetrics.of(daily, 0, d, layout.periodsPerYear(), trades);
            in.add(m);
            if (id == StrategyId.BUY_HOLD) {
                double g = 1;
                for (int t = from; t < from + d; t++) {
                    g *= 1 + ca[t];
                }
                returns[k] = g - 1 - layout.fee(); // the original's plain-hold figure
            } else {
                returns[k] = m.compoundedReturn();
            }
            avgDaily[k] = m.avgDailyReturn();
        }
        // The next bar's signal continues the newest window's path (unprofit_shutdown needs yesterday's state).
        int n = layout.next();
        NextBarPlan plan;
        String missing = Plans.missingForecast(bands, n);
        if (missing != null) {
            plan = NextBarPlan.none(missing);
        } else {
            signals(id, layout.from(0), d + 1);
            plan = Plans.atMarket(signals[d], id.key());
        }
        Map<String, Object> det = new LinkedHashMap<>();
        Side next = plan.side();
        det.put("next_signal", next != null ? next.sign() : 0);
        det.put("spread_ratio", SPREAD);
        if (id == StrategyId.BUY_HOLD) {
            det.put("window_return", "plain hold: prod(1 + a) - 1 - fee");
        }
        Metrics mean = in.mean();
        // The one-step series: with nothing fitted, each of the newest bars as the signal path traded it.
        int first = layout.historyFrom();
        int h = layout.bars() - first;
        double[] pathSignals = new double[h];
        double[] hist = new double[h];
        signalsInto(id, first, h, pathSignals);
        CloseSignalReturns.daily(pathSignals, h, ca, first, layout.fee(), SPREAD, hist);
        return report(id, mean, returns, avgDaily, plan, det, new OneStepSeries(hist, first));
    }

    private StrategyReport report(StrategyId id, Metrics inSample, double[] returns, double[] avgDaily, NextBarPlan plan,
                                  Map<String, Object> det, OneStepSeries history) {
        OneStepSeries one = history.tail(layout.windows());
        return new StrategyReport(id, inSample, oneStepMetrics(one.returns()), returns, avgDaily, plan, det, one, history);
    }

    private Metrics oneStepMetrics(double[] one) {
        int trades = 0;
        for (double r : one) {
            trades += r != 0 ? 1 : 0;
        }
        return PerformanceMetrics.of(one, 0, one.length, layout.periodsPerYear(), trades);
    }

    private void signals(StrategyId id, int from, int n) {
        signalsInto(id, from, n, signals);
    }

    private void signalsInto(StrategyId id, int from, int n, double[] out) {
        boolean crypto = layout.crypto();
        switch (id) {
            case SIMPLE -> CloseSignals.simple(fc, from, n, crypto, out);
            case ALL_SIGNALS -> CloseSignals.allSignals(fc, fh, fl, from, n, crypto, out);
            case BUY_HOLD -> CloseSignals.buyHold(fc, from, n, out);
            case UNPROFIT_SHUTDOWN -> CloseSignals.unprofitShutdown(fc, bands.closeActual(), from, n, crypto, out);
            default -> throw new IllegalArgumentException(id + " is not a close-signal strategy");
        }
    }

    StrategyReport limit(StrategyId id) {
        int w = layout.windows();
        int d = layout.days();
        double[] returns = new double[w];
        double[] avgDaily = new double[w];
        MetricsAverage in = new MetricsAverage();
        double[] c = bands.closeActual();
        double[] h = bands.highChange();
        double[] l = bands.lowChange();
        for (int k = 0; k < w; k++) {
            int from = layout.from(k);
            int trades = id == StrategyId.TAKEPROFIT
                    ? LimitStrategies.takeProfit(fc, fh, fl, c, h, l, from, d, layout.fee(), daily)
                    : LimitStrategies.highLow(fc, fh, fl, c, h, l, from, d, layout.crypto(), layout.fee(), daily);
            Metrics m = PerformanceMetrics.of(daily, 0, d, layout.periodsPerYear(), trades);
            in.add(m);
            returns[k] = m.totalReturn();
            avgDaily[k] = m.avgDailyReturn();
        }
        NextBarPlan plan = id == StrategyId.TAKEPROFIT ? takeProfitPlan() : highLowPlan();
        Map<String, Object> det = new LinkedHashMap<>();
        if (plan.trades()) {
            det.put("entry_price", plan.entryPrice());
            det.put("takeprofit_price", plan.takeProfitPrice());
        }
        Metrics mean = in.mean();
        int first = layout.historyFrom();
        int n = layout.bars() - first;
        double[] hist = new double[n];
        if (id == StrategyId.TAKEPROFIT) {
            LimitStrategies.takeProfit(fc, fh, fl, c, h, l, first, n, layout.fee(), hist);
        } else {
            LimitStrategies.highLow(fc, fh, fl, c, h, l, first, n, layout.crypto(), layout.fee(), hist);
        }
        det.put("fill_model", "original (same-bar take-profits)");
        return report(id, mean, returns, avgDaily, plan, det, new OneStepSeries(hist, first));
    }

    private double predictedHigh(int n) {
        return bands.high(n - 1) * (1 + fh[n]);
    }

    private double predictedLow(int n) {
        return bands.low(n - 1) * (1 + fl[n]);
    }

    /** takeprofit: market entry, take-profit at the predicted high (long) or low (short), else out at the close. */
    private NextBarPlan takeProfitPlan() {
        int n = layout.next();
        String missing = Plans.missingForecast(bands, n);
        if (missing != null) {
            return NextBarPlan.none(missing);
        }
        if (fc[n] > 0) {
            return new NextBarPlan(Side.BUY, Double.NaN, predictedHigh(n), true, 0, 0, "takeprofit long");
        }
        if (layout.crypto()) {
            return NextBarPlan.none("takeprofit would short; long-only (crypto, or an account that cannot short)");
        }
        return new NextBarPlan(Side.SELL, Double.NaN, predictedLow(n), true, 0, 0, "takeprofit short");
    }

    /** highlow (§6.8 table): buy at the predicted low, take profit at the predicted high; sell mirrored. */
    private NextBarPlan highLowPlan() {
        int n = layout.next();
        String missing = Plans.missingForecast(bands, n);
        if (missing != null) {
            return NextBarPlan.none(missing);
        }
        if (fc[n] > 0) {
            return new NextBarPlan(Side.BUY, predictedLow(n), predictedHigh(n), true, 0, 0, "highlow long");
        }
        if (fc[n] < 0 && !layout.crypto()) {
            return new NextBarPlan(Side.SELL, predictedHigh(n), predictedLow(n), true, 0, 0, "highlow short");
        }
        return NextBarPlan.none(layout.crypto() && fc[n] < 0 ? "highlow would short; long-only (crypto, or an account that cannot short)"
                : "highlow: flat forecast");
    }
}
