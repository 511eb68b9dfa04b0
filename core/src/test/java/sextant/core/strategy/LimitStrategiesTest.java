package sextant.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LimitStrategiesTest {
    private static final int N = 30;
    private final double[] c = new double[N];
    private final double[] h = new double[N];
    private final double[] l = new double[N];

    LimitStrategiesTest() {
        Random rnd = new Random(3);
        for (int i = 0; i < N; i++) {
            c[i] = 0.02 * rnd.nextGaussian();
            h[i] = Math.max(c[i], 0) + 0.01 * Math.abs(rnd.nextGaussian());
            l[i] = Math.min(c[i], 0) - 0.01 * Math.abs(rnd.nextGaussian());
        }
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }

    @Test
    void highLowIsProfitableWithPerfectForecastsAndFeesHurt() {
        double[] out = new double[N];
        LimitStrategies.highLow(c, h, l, c, h, l, 0, N, false, 0.0005, out);
        double cheap = sum(out);
        assertThat(cheap).isPositive();
        LimitStrategies.highLow(c, h, l, c, h, l, 0, N, false, 0.01, out);
        assertThat(sum(out)).isLessThan(cheap);
    }

    @Test
    void highLowWithZeroForecastsIsFlatAndCostsNothing() {
        double[] zero = new double[N];
        double[] out = new double[N];
        int trades = LimitStrategies.highLow(zero, zero, zero, c, h, l, 0, N, false, 0.0005, out);
        assertThat(trades).isZero();
        assertThat(sum(out)).isCloseTo(0, within(1e-12));
    }

    @Test
    void takeProfitHandComputed() {
        // day 1 long, TP touched: +fh - open fee; day 2 long, TP missed: +c; day 3 short, TP touched: -fl - 2 fees.
        double[] fc = {.01, .01, -.01};
        double[] fh = {.02, .05, .03};
        double[] fl = {-.01, -.01, -.02};
        double[] cc = {.015, .004, -.03};
        double[] hh = {.025, .01, .0};
        double[] ll = {-.005, -.002, -.04};
        double[] out = new double[3];
        int trades = LimitStrategies.takeProfit(fc, fh, fl, cc, hh, ll, 0, 3, 0.001, out);
        assertThat(trades).isEqualTo(3);
        assertThat(out).containsExactly(new double[] {.02 - .001, .004, .02 - .002}, within(1e-15));
    }

    @Test
    void highLowHandComputed() {
        // long, low touched: c - fl - fee; stock short, high not touched: entry at close, 0 - 2 fees (side switch).
        double[] fc = {.01, -.01};
        double[] fh = {.02, .03};
        double[] fl = {-.01, -.01};
        double[] cc = {.015, -.01};
        double[] hh = {.02, .01};
        double[] ll = {-.02, -.02};
        double[] out = new double[2];
        LimitStrategies.highLow(fc, fh, fl, cc, hh, ll, 0, 2, false, 0.001, out);
        assertThat(out).containsExactly(new double[] {.015 + .01 - .001, -.002}, within(1e-15));
    }
}
