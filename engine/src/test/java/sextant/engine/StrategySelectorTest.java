package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sextant.core.backtest.Metrics;
import sextant.core.backtest.NextBarPlan;
import sextant.core.backtest.OneStepSeries;
import sextant.core.backtest.StrategyId;
import sextant.core.backtest.StrategyReport;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Side;

class StrategySelectorTest {
    static final CycleSettings SETTINGS = new CycleSettings(70, 6, 900,
            EnumSet.of(StrategyId.MAXDIFF, StrategyId.MAXDIFF_ALWAYS_ON), 0.0001, 10, 0.1, 1.0, 1, "sx", "m");

    static Metrics avgDaily(double avg) {
        return new Metrics(avg * 6, avg * 6, 1.5, 2, -0.01, 0.6, Math.abs(avg), 4, 6);
    }

    static StrategyReport report(StrategyId id, double inSampleAvg, double oosAvg, NextBarPlan plan) {
        return report(id, inSampleAvg, oosAvg, 0.0001, plan);
    }

    /** A one-step series of 70 bars with the given mean and standard error (alternating around the mean). */
    static OneStepSeries oneStep(double mean, double se) {
        double[] r = new double[70];
        double a = se * Math.sqrt(69);
        for (int i = 0; i < r.length; i++) {
            r[i] = mean + (i % 2 == 0 ? a : -a);
        }
        return new OneStepSeries(r, 100);
    }

    static StrategyReport report(StrategyId id, double inSampleAvg, double oosAvg, double se, NextBarPlan plan) {
        OneStepSeries one = oneStep(oosAvg, se);
        return new StrategyReport(id, avgDaily(inSampleAvg), avgDaily(oosAvg), new double[0], new double[0], plan,
                Map.of(), one, one);
    }

    static NextBarPlan buy(double entry, double tp) {
        return new NextBarPlan(Side.BUY, entry, tp, false, 0.001, -0.002, "ok");
    }

    @Test
    void picksTheEnabledStrategyWithTheBestWalkForwardReturnThatQualifies() {
        Map<StrategyId, StrategyReport> r = new EnumMap<>(StrategyId.class);
        r.put(StrategyId.MAXDIFF, report(StrategyId.MAXDIFF, 0.004, 0.002, buy(99, 102)));
        r.put(StrategyId.MAXDIFF_ALWAYS_ON, report(StrategyId.MAXDIFF_ALWAYS_ON, 0.006, 0.003, buy(98, 103)));
        // Not enabled, however good it looks.
        r.put(StrategyId.PCTDIFF, report(StrategyId.PCTDIFF, 0.05, 0.05, buy(97, 110)));
        SymbolDecision d = new StrategySelector(SETTINGS).choose(new SymbolBacktest(Instrument.stock("AAA"), 70, r, 0, 0, 0), "range-vol", 100);
        assertThat(d.action()).isEqualTo(Action.TRADE);
        assertThat(d.strategy()).isEqualTo(StrategyId.MAXDIFF_ALWAYS_ON);
        assertThat(d.entryPrice()).isEqualTo(98);
        assertThat(d.score()).isCloseTo(0.003, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(d.reason()).contains("one-step avg daily +0.300% (SE 0.010%) over 70 bars")
                .contains("conservative fills").contains("forecasts by range-vol");
    }

    @Test
    void aMarketEntryPlanIsSizedFromTheLastClose() {
        Map<StrategyId, StrategyReport> r = Map.of(StrategyId.SIMPLE, report(StrategyId.SIMPLE, 0.002, 0.001,
                new NextBarPlan(Side.BUY, Double.NaN, Double.NaN, true, 0, 0, "simple long")));
        CycleSettings simple = new CycleSettings(70, 6, 900, EnumSet.of(StrategyId.SIMPLE), 0, 10, 0.1, 1.0, 1, "sx", "m");
        SymbolDecision d = new StrategySelector(simple).choose(new SymbolBacktest(Instrument.stock("AAA"), 70, r, 0, 0, 0),
                "m", 42.5);
        assertThat(d.atMarket()).isTrue();
        assertThat(d.entryPrice()).isEqualTo(42.5);
        assertThat(d.reason()).contains("entry at market (last close 42.50)");
    }

    @Test
    void inSampleProfitDoesNotQualifyAStrategyThatLosesOutOfSampleAndCryptoIsNeverShorted() {
        Map<StrategyId, StrategyReport> r = new EnumMap<>(StrategyId.class);
        r.put(StrategyId.MAXDIFF, report(StrategyId.MAXDIFF, 0.02, -0.001, buy(99, 102)));
        r.put(StrategyId.MAXDIFF_ALWAYS_ON, report(StrategyId.MAXDIFF_ALWAYS_ON, 0.01, 0.004,
                new NextBarPlan(Side.SELL, 101, 98, true, 0, 0, "ok")));
        SymbolDecision d = new StrategySelector(SETTINGS).choose(new SymbolBacktest(Instrument.crypto("BTCUSD"), 70, r, 0, 0, 0), "m", 100);
        assertThat(d.action()).isEqualTo(Action.SKIP);
        assertThat(d.reason()).contains("no strategy qualifies").contains("maxdiffalwayson: crypto is long-only");
        Map<StrategyId, StrategyReport> only = Map.of(StrategyId.MAXDIFF, r.get(StrategyId.MAXDIFF));
        SymbolDecision e = new StrategySelector(SETTINGS).choose(new SymbolBacktest(Instrument.stock("AAA"), 70, only, 0, 0, 0), "m", 100);
        assertThat(e.reason()).contains("one-step avg daily -0.100% (SE 0.010%) over 70 bars: mean - 2.0 SE = -0.120% is"
                + " not above the 0.010% minimum");
    }

    @Test
    void aMeanThatIsNotTwoStandardErrorsAboveTheMinimumDoesNotQualify() {
        // +0.30 %/day looks good, but with an SE of 0.33 %/day (what 70 real bars give) it is indistinguishable from 0.
        Map<StrategyId, StrategyReport> noisy = Map.of(StrategyId.MAXDIFF,
                report(StrategyId.MAXDIFF, 0.004, 0.003, 0.0033, buy(99, 102)));
        SymbolDecision d = new StrategySelector(SETTINGS).choose(new SymbolBacktest(Instrument.stock("AAA"), 70, noisy,
                0, 0, 0), "m", 100);
        assertThat(d.action()).isEqualTo(Action.SKIP);
        assertThat(d.reason()).contains("+0.300% (SE 0.330%) over 70 bars: mean - 2.0 SE = -0.360%");
        // With z = 0 the same mean qualifies: the gate is the standard error, nothing else.
        CycleSettings z0 = new CycleSettings(70, 6, 900, EnumSet.of(StrategyId.MAXDIFF), 0.0001, 10, 0.1, 1.0, 1, "sx",
                "m", sextant.core.strategy.FillModel.CONSERVATIVE, 0);
        assertThat(new StrategySelector(z0).choose(new SymbolBacktest(Instrument.stock("AAA"), 70, noisy, 0, 0, 0), "m",
                100).action()).isEqualTo(Action.TRADE);
    }

    @Test
    void ranksByTheLowerBoundNotTheMean() {
        Map<StrategyId, StrategyReport> r = new EnumMap<>(StrategyId.class);
        // Higher mean but far noisier: 0.006 - 2 x 0.0025 = 0.001 < 0.004 - 2 x 0.0005 = 0.003.
        r.put(StrategyId.MAXDIFF, report(StrategyId.MAXDIFF, 0.01, 0.006, 0.0025, buy(99, 102)));
        r.put(StrategyId.MAXDIFF_ALWAYS_ON, report(StrategyId.MAXDIFF_ALWAYS_ON, 0.01, 0.004, 0.0005, buy(98, 103)));
        SymbolDecision d = new StrategySelector(SETTINGS).choose(new SymbolBacktest(Instrument.stock("AAA"), 70, r, 0, 0, 0),
                "m", 100);
        assertThat(d.strategy()).isEqualTo(StrategyId.MAXDIFF_ALWAYS_ON);
    }
}
