package sextant.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PctDiffTest {
    /** Three bars with a forecast (close, high, low change) for bar 1 only. */
    private static BandSeries threeBars(double[] close, double[] high, double[] low, double fc, double fh, double fl) {
        double nan = Double.NaN;
        return BandSeries.of(close, high, low, new double[] {nan, fc, nan, nan}, new double[] {nan, fh, nan, nan},
                new double[] {nan, fl, nan, nan});
    }

    /** Bar 1 is long (|HP| > |LP|), judged on bar 1's own prices, not bar 0's (W-5). */
    @Test
    void longTradeIsJudgedOnTheForecastBar() {
        BandSeries b = threeBars(new double[] {100, 101, 100}, new double[] {101, 103, 101}, new double[] {99, 99, 99},
                0.01, 0.03, -0.005);
        MaxDiff md = new MaxDiff(b, false, 0.001, 252);
        assertThat(md.direction(1)).isEqualTo(1);
        PctDiff pd = new PctDiff(md);
        // entry 100 * 0.995 = 99.5 >= low 99: fills; target 99.5 * 1.02 = 101.49 <= high 103: take profit.
        double expected = (101.49 - 99.5 - 0.001 * 99.5) / 99.5;
        assertThat(pd.longDay(1, 0, 0.02)).isCloseTo(expected, within(1e-12));
        // target above bar 1's high: exit at bar 1's close 101.
        assertThat(pd.longDay(1, 0, 0.05)).isCloseTo((101 - 99.5 - 0.0995) / 99.5, within(1e-12));
        // entry below bar 1's low: no fill.
        assertThat(pd.longDay(1, -0.03, 0.02)).isZero();
        PctDiffFit fit = pd.fit(1, 2);
        assertThat(fit.value()).isGreaterThanOrEqualTo(expected - 1e-12);
        assertThat(fit.value()).isLessThanOrEqualTo(PctDiff.MAX_DAILY_RETURN);
    }

    @Test
    void dailyReturnsAreClippedToTenPercent() {
        BandSeries b = threeBars(new double[] {100, 130, 100}, new double[] {101, 131, 101}, new double[] {99, 90, 99},
                0.0, 0.2, -0.05);
        PctDiff pd = new PctDiff(new MaxDiff(b, false, 0.0, 252));
        assertThat(pd.longDay(1, 0, 0.5)).isEqualTo(0.10);
    }

    @Test
    void fitIsTheBestGridPointScoredByTheDailyFunction() {
        SyntheticBands.Series s = SyntheticBands.generate(17, 80);
        MaxDiff md = new MaxDiff(s.bands(), false, 0.0005, 252);
        PctDiff pd = new PctDiff(md);
        PctDiffFit fit = pd.fit(40, 46);
        double[] out = new double[6];
        pd.daily(40, 46, fit, out);
        double sum = 0;
        for (double x : out) {
            sum += x;
        }
        assertThat(fit.value()).isCloseTo(sum, within(1e-12));
        // No grid point does better (brute force over the same 13 x 15 grid, all four parameters jointly on a few).
        for (int i = 0; i < PctDiff.M_STEPS; i += 3) {
            for (int j = 0; j < PctDiff.P_STEPS; j += 2) {
                double m = PctDiff.M_LO + (PctDiff.M_HI - PctDiff.M_LO) * i / (PctDiff.M_STEPS - 1);
                double p = PctDiff.P_LO + (PctDiff.P_HI - PctDiff.P_LO) * j / (PctDiff.P_STEPS - 1);
                pd.daily(40, 46, new PctDiffFit(m, m, p, p, 0), out);
                double other = 0;
                for (double x : out) {
                    other += x;
                }
                assertThat(other).isLessThanOrEqualTo(fit.value() + 1e-12);
            }
        }
    }
}
