package sextant.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.order.Side;
import sextant.core.strategy.EntryExitKernel;
import sextant.core.strategy.SyntheticBands;

class SymbolBacktesterTest {

    static BarSeries bars(Instrument inst, SyntheticBands.Series s) {
        int n = s.close().length;
        int[] days = new int[n];
        double[] open = new double[n];
        double[] vol = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = 18000 + i;
            open[i] = Math.min(Math.max(s.close()[i], s.low()[i]), s.high()[i]);
            vol[i] = 1000;
        }
        return BarSeries.of(inst, days, open, s.high(), s.low(), s.close(), vol);
    }

    static ForecastPath path(SyntheticBands.Series s) {
        return new ForecastPath(s.fClose(), s.fHigh(), s.fLow());
    }

    @Test
    void everyStrategyReportsEveryWindowWithFiniteMetrics() {
        SyntheticBands.Series s = SyntheticBands.generate(11, 200);
        SymbolBacktest bt = SymbolBacktester.run(bars(Instrument.stock("AAA"), s), path(s), BacktestSpec.anchorDefaults());
        assertThat(bt.windowsEvaluated()).isEqualTo(70);
        assertThat(bt.reports()).containsOnlyKeys(EnumSet.allOf(StrategyId.class));
        assertThat(bt.nextClosePct()).isEqualTo(s.fClose()[200]);
        for (StrategyReport r : bt.reports().values()) {
            assertThat(r.windowReturns()).as(r.strategy().key()).hasSize(70);
            assertThat(r.windowAvgDaily()).hasSize(70);
            assertThat(r.inSample().days()).isEqualTo(6);
            assertThat(r.outOfSample().days()).as("one bar per one-step result").isEqualTo(70);
            assertThat(r.oneStep().n()).isEqualTo(70);
            assertThat(r.oneStep().firstBar()).isEqualTo(200 - 70);
            assertThat(r.outOfSample().avgDailyReturn()).isCloseTo(r.oneStep().mean(), within(1e-12));
            for (Metrics m : List.of(r.inSample(), r.outOfSample())) {
                assertThat(Double.isFinite(m.totalReturn() + m.sharpe() + m.sortino() + m.maxDrawdown() + m.winRate()
                        + m.turnover() + m.compoundedReturn())).as(r.strategy().key()).isTrue();
                assertThat(m.maxDrawdown()).isLessThanOrEqualTo(0);
            }
            assertThat(r.plan()).isNotNull();
        }
    }

    @Test
    void maxDiffWindowsMatchTheStrategyAndThePlanIsPricedLikeTheBacktest() {
        SyntheticBands.Series s = SyntheticBands.generate(5, 120);
        BarSeries b = bars(Instrument.stock("BBB"), s);
        SymbolBacktest bt = SymbolBacktester.run(b, path(s), BacktestSpec.anchorDefaults());
        StrategyReport md = bt.report(StrategyId.MAXDIFF);
        // window 0 = bars [114, 120): re-evaluate it directly.
        var direct = new sextant.core.strategy.MaxDiff(s.bands(), false, 0.0005, 252)
                .evaluate(114, 120, new sextant.core.optimize.EntryExitOptimizer());
        assertThat(md.windowReturns()[0]).isEqualTo(direct.blendedReturn());
        assertThat(md.inSample().totalReturn()).isCloseTo(mean(md.windowReturns()), within(1e-12));
        NextBarPlan plan = md.plan();
        double hp = s.fHigh()[120] + Math.abs(1 - s.high()[119] / s.close()[119]);
        double lp = s.fLow()[120] - Math.abs(1 - s.low()[119] / s.close()[119]);
        if (plan.trades()) {
            double low = s.close()[119] * (1 + EntryExitKernel.clampLow(lp + plan.lowMultiplier()));
            double high = s.close()[119] * (1 + EntryExitKernel.clampHigh(hp + plan.highMultiplier()));
            assertThat(plan.side()).isEqualTo(Math.abs(hp) > Math.abs(lp) ? Side.BUY : Side.SELL);
            assertThat(plan.side() == Side.BUY ? plan.entryPrice() : plan.takeProfitPrice()).isCloseTo(low, within(1e-9));
            assertThat(plan.side() == Side.BUY ? plan.takeProfitPrice() : plan.entryPrice()).isCloseTo(high, within(1e-9));
            assertThat(plan.highMultiplier()).isEqualTo(direct.highMultiplier());
            assertThat(plan.closeAtEod()).isEqualTo(direct.closeAtEod());
        } else {
            assertThat(lp).isGreaterThanOrEqualTo(hp);
        }
        assertThat(md.details()).containsKeys("high_multiplier", "low_multiplier", "close_at_eod", "trades_total",
                "primary_side", "trade_bias", "invalid_forecasts", "valid_forecasts");
    }

    @Test
    void oneStepResultsNeverLookPastTheBarTheyScore() {
        // Each one-step result of bar t is fitted on the bars before t and may carry a position into bar t+1; bars
        // from t+2 on (and their forecasts) must not change it, under either fill model.
        SyntheticBands.Series s = SyntheticBands.generate(9, 300);
        int cut = 260;
        double[] close = s.close().clone();
        double[] high = s.high().clone();
        double[] low = s.low().clone();
        double[] fh = s.fHigh().clone();
        double[] fl = s.fLow().clone();
        double[] fc = s.fClose().clone();
        for (int t = cut + 2; t < close.length; t++) {
            close[t] *= 1.07;
            high[t] *= 1.09;
            low[t] *= 1.05;
        }
        for (int t = cut + 1; t < fh.length; t++) {
            fh[t] += 0.004;
            fl[t] -= 0.003;
            fc[t] = -fc[t];
        }
        SyntheticBands.Series changed = new SyntheticBands.Series(close, high, low, fc, fh, fl);
        for (sextant.core.strategy.FillModel model : sextant.core.strategy.FillModel.values()) {
            BacktestSpec spec = new BacktestSpec(70, 6, Double.NaN, EnumSet.allOf(StrategyId.class), model);
            SymbolBacktest a = SymbolBacktester.run(bars(Instrument.stock("CCC"), s), path(s), spec);
            SymbolBacktest b = SymbolBacktester.run(bars(Instrument.stock("CCC"), changed), path(changed), spec);
            for (StrategyId id : List.of(StrategyId.MAXDIFF, StrategyId.MAXDIFF_ALWAYS_ON, StrategyId.PCTDIFF,
                    StrategyId.SIMPLE)) {
                OneStepSeries x = a.report(id).oneStep();
                OneStepSeries y = b.report(id).oneStep();
                int upTo = cut - x.firstBar();
                assertThat(java.util.Arrays.copyOf(y.returns(), upTo + 1)).as(id.key() + " " + model.key())
                        .containsExactly(java.util.Arrays.copyOf(x.returns(), upTo + 1));
                assertThat(y.returns()).as(id.key() + " changes after the cut").isNotEqualTo(x.returns());
            }
        }
    }

    @Test
    void theMemoGivesTheSameReportsAsAFreshBacktestSessionAfterSession() {
        SyntheticBands.Series s = SyntheticBands.generate(31, 260);
        BarSeries all = bars(Instrument.stock("MEM"), s);
        BacktestMemo memo = new BacktestMemo();
        for (sextant.core.strategy.FillModel model : sextant.core.strategy.FillModel.values()) {
            BacktestSpec spec = new BacktestSpec(70, 6, Double.NaN, EnumSet.allOf(StrategyId.class), model);
            for (int n = 240; n <= 250; n++) {
                BarSeries head = all.head(n);
                ForecastPath p = new ForecastPath(java.util.Arrays.copyOf(s.fClose(), n + 1),
                        java.util.Arrays.copyOf(s.fHigh(), n + 1), java.util.Arrays.copyOf(s.fLow(), n + 1));
                SymbolBacktest fresh = SymbolBacktester.run(head, p, spec);
                SymbolBacktest remembered = SymbolBacktester.run(head, p, spec, memo);
                for (StrategyId id : StrategyId.values()) {
                    StrategyReport a = fresh.report(id);
                    StrategyReport b = remembered.report(id);
                    assertThat(b.oneStep().returns()).as(id + " n=" + n).containsExactly(a.oneStep().returns());
                    assertThat(b.windowReturns()).containsExactly(a.windowReturns());
                    assertThat(b.inSample()).isEqualTo(a.inSample());
                    assertThat(b.outOfSample()).isEqualTo(a.outOfSample());
                    assertThat(b.plan()).isEqualTo(a.plan());
                }
            }
        }
        // 11 sessions x 2 models: the first fits 70 windows and 140 one-step bars per fitted strategy; each later
        // session adds about one window and two one-step bars.
        assertThat(memo.size()).isLessThan(2 * (70 * 3 + 140 * 3 + 10 * 3 * 3 + 50));
    }

    @Test
    void aLongOnlyStockIsBacktestedLikeCrypto() {
        SyntheticBands.Series s = SyntheticBands.generate(21, 150);
        BacktestSpec longOnly = new BacktestSpec(70, 6, Double.NaN, EnumSet.allOf(StrategyId.class),
                sextant.core.strategy.FillModel.CONSERVATIVE, true);
        SymbolBacktest bt = SymbolBacktester.run(bars(Instrument.stock("CASH"), s), path(s), longOnly);
        assertThat((int) bt.report(StrategyId.MAXDIFF).details().get("trades_negative")).isZero();
        assertThat(bt.report(StrategyId.MAXDIFF).plan().side()).isNotEqualTo(Side.SELL);
        SymbolBacktest shorts = SymbolBacktester.run(bars(Instrument.stock("CASH"), s), path(s), new BacktestSpec(70, 6,
                Double.NaN, EnumSet.allOf(StrategyId.class), sextant.core.strategy.FillModel.CONSERVATIVE, false));
        assertThat((int) shorts.report(StrategyId.MAXDIFF).details().get("trades_negative")).isPositive();
    }

    @Test
    void cryptoMaxDiffNeverShorts() {
        SyntheticBands.Series s = SyntheticBands.generate(21, 150);
        SymbolBacktest bt = SymbolBacktester.run(bars(Instrument.crypto("ETHUSD"), s), path(s), BacktestSpec.anchorDefaults());
        assertThat((int) bt.report(StrategyId.MAXDIFF).details().get("trades_negative")).isZero();
        assertThat(bt.report(StrategyId.MAXDIFF).plan().side()).isNotEqualTo(Side.SELL);
        assertThat(bt.report(StrategyId.MAXDIFF_ALWAYS_ON).details().get("filled_sell_trades")).isEqualTo(0);
    }

    @Test
    void shortHistoryEvaluatesWhatFitsAndNoneIsNotAnError() {
        SyntheticBands.Series s = SyntheticBands.generate(3, 40);
        SymbolBacktest bt = SymbolBacktester.run(bars(Instrument.stock("DDD"), s), path(s), BacktestSpec.anchorDefaults());
        assertThat(bt.windowsEvaluated()).isEqualTo(40 - 12);
        SyntheticBands.Series tiny = SyntheticBands.generate(3, 12);
        SymbolBacktest none = SymbolBacktester.run(bars(Instrument.stock("EEE"), tiny), path(tiny),
                new BacktestSpec(70, 6, Double.NaN, Set.of(StrategyId.MAXDIFF, StrategyId.SIMPLE)));
        assertThat(none.windowsEvaluated()).isZero();
        assertThat(none.reports()).containsOnlyKeys(StrategyId.MAXDIFF, StrategyId.SIMPLE);
        assertThat(none.report(StrategyId.MAXDIFF).inSample()).isEqualTo(Metrics.EMPTY);
        assertThat(none.report(StrategyId.MAXDIFF).plan().reason()).startsWith("not enough history");
    }

    @Test
    void isDeterministicAndThreadSafe() throws Exception {
        SyntheticBands.Series s = SyntheticBands.generate(4, 160);
        BarSeries b = bars(Instrument.stock("FFF"), s);
        SymbolBacktest ref = SymbolBacktester.run(b, path(s), BacktestSpec.anchorDefaults());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SymbolBacktest>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(pool.submit(() -> SymbolBacktester.run(b, path(s), BacktestSpec.anchorDefaults())));
            }
            for (Future<SymbolBacktest> f : runs) {
                SymbolBacktest got = f.get();
                for (StrategyId id : StrategyId.values()) {
                    assertThat(got.report(id).windowReturns()).containsExactly(ref.report(id).windowReturns());
                    assertThat(got.report(id).outOfSample()).isEqualTo(ref.report(id).outOfSample());
                    assertThat(got.report(id).plan()).isEqualTo(ref.report(id).plan());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }
}
