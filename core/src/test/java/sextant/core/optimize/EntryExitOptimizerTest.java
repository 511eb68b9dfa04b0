package sextant.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryExitOptimizerTest {

    /** A random window shaped like real data: gaps of ~1 %, forecasts near the actuals, mixed directions. */
    static MultiplierProblem randomProblem(Random rnd, int days, boolean alwaysOn) {
        int len = days + 3;
        double[] ca = new double[len];
        double[] ha = new double[len];
        double[] la = new double[len];
        RandomSignals s = new RandomSignals(len);
        for (int t = 0; t < len; t++) {
            double vol = 0.005 + 0.03 * rnd.nextDouble();
            ca[t] = vol * rnd.nextGaussian();
            ha[t] = Math.max(ca[t], 0) + vol * Math.abs(rnd.nextGaussian());
            la[t] = Math.min(ca[t], 0) - vol * Math.abs(rnd.nextGaussian());
            s.draw(rnd, t, vol, ha[t], la[t], alwaysOn);
        }
        return new MultiplierProblem(ca, ha, la, s.highPred, s.lowPred, s.longWeight, s.shortWeight, 1, 1 + days,
                rnd.nextBoolean() ? 0.0005 : 0.001);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 12, 20})
    void neverLosesToTheOriginalsGridAndIsExactAgainstAFineGrid(int days) {
        Random rnd = new Random(1000 + days);
        EntryExitOptimizer exact = new EntryExitOptimizer();
        GridSearchOptimizer anchor = GridSearchOptimizer.anchor();
        for (int trial = 0; trial < 60; trial++) {
            MultiplierProblem p = randomProblem(rnd, days, trial % 2 == 0);
            for (boolean eod : new boolean[] {false, true}) {
                MultiplierFit fit = exact.fit(p, eod);
                assertThat(fit.highMultiplier()).isBetween(-0.03, 0.03);
                assertThat(fit.lowMultiplier()).isBetween(-0.03, 0.03);
                assertThat(fit.value()).isEqualTo(p.total(fit.highMultiplier(), fit.lowMultiplier(), eod));
                assertThat(fit.value()).isGreaterThanOrEqualTo(p.total(0, 0, eod));
                assertThat(fit.value()).isGreaterThanOrEqualTo(anchor.fit(p, eod).value() - 1e-9);
                // Dense 121x121 brute force: the exact search must reach every value it finds.
                double best = Double.NEGATIVE_INFINITY;
                for (int i = 0; i <= 120; i++) {
                    for (int j = 0; j <= 120; j++) {
                        best = Math.max(best, p.total(-0.03 + 0.0005 * i, -0.03 + 0.0005 * j, eod));
                    }
                }
                assertThat(fit.value()).isGreaterThanOrEqualTo(best - 1e-9);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 40})
    void isDeterministicAcrossInstancesAndCalls(int days) {
        Random rnd = new Random(7);
        MultiplierProblem p = randomProblem(rnd, days, false);
        EntryExitOptimizer a = new EntryExitOptimizer();
        MultiplierFit first = a.fitBothFlags(p);
        a.fit(randomProblem(rnd, 3, true), false); // dirty the work arrays
        assertThat(a.fitBothFlags(p)).isEqualTo(first);
        assertThat(new EntryExitOptimizer().fitBothFlags(p)).isEqualTo(first);
    }
}
