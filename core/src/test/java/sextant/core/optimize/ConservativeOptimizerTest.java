package sextant.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sextant.core.strategy.BarMoves;

/** The optimiser stays exact under the conservative fill model: no point of a dense grid beats what it finds. */
class ConservativeOptimizerTest {

    /** Random bars shaped like real data (moves of 0.5–3.5 %), bands near the moves, mixed directions. */
    static MultiplierProblem randomProblem(Random rnd, int days, boolean alwaysOn, int carryLimitOffset) {
        int bars = days + 4;
        double[] o = new double[bars];
        double[] h = new double[bars];
        double[] l = new double[bars];
        double[] c = new double[bars];
        double price = 100;
        for (int t = 0; t < bars; t++) {
            double vol = 0.005 + 0.03 * rnd.nextDouble();
            double open = price * (1 + 0.5 * vol * rnd.nextGaussian());
            double close = price * (1 + vol * rnd.nextGaussian());
            o[t] = open;
            c[t] = close;
            h[t] = Math.max(open, close) * (1 + vol * Math.abs(rnd.nextGaussian()));
            l[t] = Math.min(open, close) * (1 - vol * Math.abs(rnd.nextGaussian()));
            price = close;
        }
        BarMoves moves = BarMoves.of(o, h, l, c);
        int len = bars + 1;
        RandomSignals s = new RandomSignals(len);
        for (int t = 1; t < bars; t++) {
            double vol = 0.005 + 0.02 * rnd.nextDouble();
            s.draw(rnd, t, vol, moves.high(t), moves.low(t), alwaysOn);
        }
        double[] unused = new double[len];
        int from = 1;
        int to = 1 + days;
        return new MultiplierProblem(unused, unused, unused, s.highPred, s.lowPred, s.longWeight, s.shortWeight, from, to,
                rnd.nextBoolean() ? 0.0005 : 0.001, moves, to + carryLimitOffset);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 12})
    void isExactAgainstADenseGrid(int days) {
        Random rnd = new Random(4000 + days);
        EntryExitOptimizer exact = new EntryExitOptimizer();
        for (int trial = 0; trial < 60; trial++) {
            MultiplierProblem p = randomProblem(rnd, days, trial % 2 == 0, trial % 3 == 0 ? 0 : 1);
            for (boolean eod : new boolean[] {false, true}) {
                ExactFit.checked(exact, p, eod, "trial " + trial + " eod " + eod);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 6})
    void neverLosesToTheOriginalsGridUnderTheSameModel(int days) {
        Random rnd = new Random(77 + days);
        EntryExitOptimizer exact = new EntryExitOptimizer();
        GridSearchOptimizer anchor = GridSearchOptimizer.anchor();
        for (int trial = 0; trial < 40; trial++) {
            MultiplierProblem p = randomProblem(rnd, days, trial % 2 == 1, 1);
            assertThat(exact.fitBothFlags(p).value()).isGreaterThanOrEqualTo(anchor.fitBothFlags(p).value() - 1e-9);
        }
    }
}
