package sextant.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sextant.core.metrics.PerformanceMetrics;

/** anchor-spec §9.2 (fee 0.0025, SPREAD = 1.0008711461252937). */
class CloseSignalsTest {
    static final double FEE = 0.0025;
    static final double SPREAD = 1.0008711461252937;

    private static double[] run(java.util.function.Consumer<double[]> f, int n) {
        double[] out = new double[n];
        f.accept(out);
        return out;
    }

    @Test
    void simpleSignals() {
        double[] f = {-.1, .2, 0, -.3, .5};
        assertThat(run(o -> CloseSignals.simple(f, 0, 5, false, o), 5)).containsExactly(-1, 1, -1, -1, 1);
        assertThat(run(o -> CloseSignals.simple(f, 0, 5, true, o), 5)).containsExactly(0, 1, 0, 0, 1);
    }

    @Test
    void allSignals() {
        double[] c = {.1, -.2, .3, -.4};
        double[] h = {.2, -.1, .4, -.3};
        double[] l = {.3, -.3, .2, -.2};
        assertThat(run(o -> CloseSignals.allSignals(c, h, l, 0, 4, false, o), 4)).containsExactly(1, -1, 1, -1);
        assertThat(run(o -> CloseSignals.allSignals(c, h, l, 0, 4, true, o), 4)).containsExactly(1, 0, 1, 0);
    }

    @Test
    void buyHoldSignals() {
        assertThat(run(o -> CloseSignals.buyHold(new double[] {-.1, .2, 0, -.3, .5}, 0, 5, o), 5))
                .containsExactly(0, 1, 0, 0, 1);
    }

    @Test
    void unprofitShutdownSignals() {
        double[] p = {.1, .2, -.1, .3, .5};
        double[] a = {.02, .01, .01, .02, .03};
        assertThat(run(o -> CloseSignals.unprofitShutdown(p, a, 0, 5, false, o), 5)).containsExactly(1, 1, -1, 0, 1);
        assertThat(run(o -> CloseSignals.unprofitShutdown(p, a, 0, 5, true, o), 5)).containsExactly(1, 1, 0, 0, 1);
    }

    private static double total(double[] s, double[] a) {
        double[] r = new double[s.length];
        CloseSignalReturns.daily(s, s.length, a, 0, FEE, SPREAD, r);
        return CloseSignalReturns.compounded(r, r.length);
    }

    @Test
    void evaluateStrategyTotals() {
        assertThat(total(new double[] {1, 1, -1, -1, 1}, new double[] {.02, .01, -.01, -.02, .03}))
                .isCloseTo(0.07749201177994558, within(1e-15));
        double[] bh = run(o -> CloseSignals.buyHold(new double[] {.1, -.2, .3, -.4, .5}, 0, 5, o), 5);
        assertThat(total(bh, new double[] {.02, -.01, .03, -.02, .04})).isCloseTo(0.07695692505032437, within(1e-15));
        double[] up = run(o -> CloseSignals.unprofitShutdown(new double[] {.1, .2, -.1, .3, .5},
                new double[] {.02, .01, .01, .02, .03}, 0, 5, false, o), 5);
        // Mixed long/short/flat path: the 0.523 fee factor applies (reference has rel. tol 1e-4, float32 signals).
        double t = total(up, new double[] {.02, .01, .01, .02, .03});
        assertThat(t).isCloseTo(0.041420068089422335, within(0.041420068089422335 * 1e-4));
    }

    @Test
    void sampleSharpeIsPositiveForTheReferencePath() {
        double[] r = new double[5];
        CloseSignalReturns.daily(new double[] {1, 1, -1, -1, 1}, 5, new double[] {.02, .01, -.01, -.02, .03}, 0, FEE,
                SPREAD, r);
        assertThat(PerformanceMetrics.sharpeSample(r, 0, 5, 252)).isPositive();
    }
}
