package sextant.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sextant.core.backtest.ForecastPath;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;

/**
 * The conservative fill model on hand-built bars. Bar 0 closes at 100 with no range, so the band of bar 1 is exactly
 * the forecast: buy at 99 (-1 %), take profit at 101.2 (+1.2 %).
 */
class ConservativeFillModelTest {
    private static final double FEE = 0.0005;

    private static BandSeries bands(double[][] ohlc) {
        BarSeries.Builder b = BarSeries.builder(Instrument.stock("TEST"));
        b.add(20000, 100, 100, 100, 100, 1000);
        for (int i = 0; i < ohlc.length; i++) {
            double[] x = ohlc[i];
            b.add(20001 + i, x[0], x[1], x[2], x[3], 1000);
        }
        BarSeries bars = b.build();
        int len = bars.size() + 1;
        double[] fc = new double[len];
        double[] fh = new double[len];
        double[] fl = new double[len];
        for (int t = 1; t < len; t++) {
            fc[t] = 0.001;
            fh[t] = 0.012;
            fl[t] = -0.01;
        }
        return BandSeries.of(bars, new ForecastPath(fc, fh, fl));
    }

    private static double maxDiffDay(BandSeries bands, FillModel model) {
        return new MaxDiff(bands, false, FEE, 252, model).evaluateWith(1, 2, false, 0, 0).daily()[0];
    }

    @Test
    void refusesASameBarTakeProfitThatTheOpenDoesNotProve() {
        // Opens at 100 (above the entry), trades 98..102, closes at 98.5: the low may have come after the high.
        BandSeries b = bands(new double[][] {{100, 102, 98, 98.5}});
        assertThat(maxDiffDay(b, FillModel.ORIGINAL)).isCloseTo(0.012 + 0.01 - FEE, within(1e-12));
        // Conservative: the entry fills at 99, nothing proves the take-profit came after it; with no next bar the
        // position is marked at the close.
        assertThat(maxDiffDay(b, FillModel.CONSERVATIVE)).isCloseTo(-0.015 + 0.01 - 2 * FEE, within(1e-12));
    }

    @Test
    void countsASameBarTakeProfitWhenTheBarOpensThroughTheEntry() {
        // Opens at 98.8, below the 99 entry: the entry fills at the open, so the high at 102 came after it.
        BandSeries b = bands(new double[][] {{98.8, 102, 98, 98.5}});
        assertThat(maxDiffDay(b, FillModel.CONSERVATIVE)).isCloseTo(0.012 + 0.012 - 2 * FEE, within(1e-12));
    }

    @Test
    void carriesAnUnprovenPositionIntoTheNextBarUnderItsOwnExitRule() {
        BandSeries b = bands(new double[][] {{100, 102, 98, 98.5}, {98.6, 101.5, 98.2, 99}});
        MaxDiff md = new MaxDiff(b, false, FEE, 252, FillModel.CONSERVATIVE);
        // Scored with bar 2 available: it trades above the 101.2 take-profit, which fills there.
        double carried = md.problem(1, 2).range(1, 2, 3).day(1, 0, 0, false);
        assertThat(carried).isCloseTo(0.012 + 0.01 - 2 * FEE, within(1e-12));
        // A fit over [1, 2) never looks at bar 2: marked at bar 1's close.
        assertThat(md.problem(1, 2).day(1, 0, 0, false)).isCloseTo(-0.015 + 0.01 - 2 * FEE, within(1e-12));
        // Close-at-EOD exits at bar 1's close in either case.
        assertThat(md.problem(1, 2).range(1, 2, 3).day(1, 0, 0, true)).isCloseTo(-0.015 + 0.01 - 2 * FEE, within(1e-12));
    }

    @Test
    void entryAndTakeProfitTestsAreStrict() {
        // The low stays a hair above the entry: no fill (the paper broker needs a trade below the limit). An exact
        // touch cannot be tested in returns space: 99/100 - 1 rounds below -0.01.
        BandSeries touch = bands(new double[][] {{100, 102, 99.0001, 100.5}});
        assertThat(maxDiffDay(touch, FillModel.CONSERVATIVE)).isZero();
        // Opened through, high just short of the take-profit: not filled there, marked at the close instead.
        BandSeries tpTouch = bands(new double[][] {{98.8, 101.1999, 98, 100}});
        assertThat(maxDiffDay(tpTouch, FillModel.CONSERVATIVE)).isCloseTo(0.0 + 0.012 - 2 * FEE, within(1e-12));
    }

    @Test
    void alwaysOnCountsOneSpreadOnABarWhereBothLegsFill() {
        // Opens at 98.8 (through the buy entry), then trades up through 101.2: both bands are touched.
        BandSeries b = bands(new double[][] {{98.8, 102, 98, 100}});
        double original = new MaxDiffAlwaysOn(b, false, FEE, 252, FillModel.ORIGINAL)
                .evaluateWith(1, 2, false, 0, 0).daily()[0];
        double conservative = new MaxDiffAlwaysOn(b, false, FEE, 252, FillModel.CONSERVATIVE)
                .evaluateWith(1, 2, false, 0, 0).daily()[0];
        double spread = 0.012 + 0.01;
        assertThat(original).isCloseTo(2 * spread - 2 * FEE, within(1e-12)); // the original books two spreads
        // Conservative: the buy leg alone, filled at the open, sold at the take-profit: one round trip.
        assertThat(conservative).isCloseTo(0.012 + 0.012 - 2 * FEE, within(1e-12));
    }

    @Test
    void theConservativeModelNeedsOpens() {
        BandSeries noOpens = BandSeries.of(new double[] {100, 101}, new double[] {100, 102}, new double[] {100, 99},
                new double[] {0, 0.001, 0}, new double[] {0, 0.01, 0}, new double[] {0, -0.01, 0});
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new MaxDiff(noOpens, false, FEE, 252, FillModel.CONSERVATIVE))
                .hasMessageContaining("opens");
    }
}
