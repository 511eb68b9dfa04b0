package sextant.core.strategy;

import sextant.core.optimize.MultiplierOptimizer;
import sextant.core.optimize.MultiplierProblem;

/** A MaxDiff-family strategy: a multiplier problem per window, and the original's in-sample evaluation of it. */
public interface BlendedStrategy<R extends BlendedWindow> {
    MultiplierProblem problem(int from, int to);

    /** The original's in-sample evaluation: fit both flags on [from, to), report on the same days. */
    R evaluate(int from, int to, MultiplierOptimizer optimizer);
}
