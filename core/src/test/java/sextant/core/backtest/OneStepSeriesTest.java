package sextant.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OneStepSeriesTest {

    @Test
    void meanAndStandardErrorAreTheSampleOnes() {
        OneStepSeries s = new OneStepSeries(new double[] {0.01, -0.01, 0.02, 0.0}, 10);
        assertThat(s.mean()).isCloseTo(0.005, within(1e-15));
        // sample sd = sqrt(((.005)^2 + (.015)^2 + (.015)^2 + (.005)^2) / 3) = 0.012910; SE = sd / 2
        assertThat(s.standardError()).isCloseTo(0.0129099444873581 / 2, within(1e-12));
        assertThat(s.lowerBound(2)).isCloseTo(0.005 - 0.0129099444873581, within(1e-12));
        assertThat(new OneStepSeries(new double[] {0.01}, 0).standardError()).isInfinite();
        assertThat(s.tail(2).returns()).containsExactly(0.02, 0.0);
        assertThat(s.tail(2).firstBar()).isEqualTo(12);
    }

    @Test
    void theTrackRecordKeepsTheBarsTheGatePassedWithOnlyEarlierResults() {
        // Ten lucky bars (+1 % each, tiny spread), then bars that lose: the gate passes while the trailing window is
        // lucky, and the track record shows what those passes were followed by.
        double[] r = new double[14];
        for (int i = 0; i < 10; i++) {
            r[i] = 0.01 + (i % 2 == 0 ? 1e-4 : -1e-4);
        }
        for (int i = 10; i < 14; i++) {
            r[i] = -0.02;
        }
        OneStepSeries rec = new OneStepSeries(r, 0).trackRecord(4, 2, 0);
        // Bars 4..9 follow four lucky bars (pass, +1 %); bar 10 follows 6,7,8,9 (pass, -2 %); bar 11's window holds
        // one loss (mean 0.25 % - 2 SE < 0: fails); so do 12 and 13.
        assertThat(rec.n()).isEqualTo(7);
        assertThat(rec.returns()[6]).isEqualTo(-0.02);
        assertThat(rec.mean()).isCloseTo((6 * 0.01 - 0.02) / 7, within(1e-4));
        assertThat(new OneStepSeries(r, 0).trackRecord(20, 2, 0).n()).isZero();
    }
}
