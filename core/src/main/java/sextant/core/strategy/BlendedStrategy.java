package sextant.core.strategy;

import sextant.core.optimize.MultiplierFit;
import sextant.core.optimize.MultiplierOptimizer;
import sextant.core.optimize.MultiplierProblem;

/** A MaxDiff-family strategy: a multiplier problem per window, and the original's in-sample evaluation of it. */
public interface BlendedStrategy<R extends BlendedWindow> {
    MultiplierProblem problem(int from, int to);

    /** Evaluation of [from, to) at given multipliers and flag (what the parity check replays). */
    R evaluateWith(int from, int to, boolean closeAtEod, double mh, double ml);

    /** The original's in-sample evaluation: fit both flags on [from, to), report on the same days. */
    default R evaluate(int from, int to, MultiplierOptimizer optimizer) {
        MultiplierFit fit = optimizer.fitBothFlags(problem(from, to));
        return evaluateWith(from, to, fit.closeAtEod(), fit.highMultiplier(), fit.lowMultiplier());
    }
}
