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
                // Exact against a dense brute force, and never below the original's coarse grid.
                MultiplierFit fit = ExactFit.checked(exact, p, eod, "trial " + trial + " eod " + eod);
                assertThat(fit.value()).isGreaterThanOrEqualTo(anchor.fit(p, eod).value() - 1e-9);
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
