package sextant.core.optimize;

/** Finds (m_h, m_l) in [-0.03, 0.03]^2 maximising a {@link MultiplierProblem} under one close-at-EOD flag. */
public interface MultiplierOptimizer {

    MultiplierFit fit(MultiplierProblem problem, boolean closeAtEod);

    /**
     * Fits both close-at-EOD flags and keeps the larger optimum, the original's order: {@code false} first, and
     * {@code true} only wins when strictly better.
     */
    default MultiplierFit fitBothFlags(MultiplierProblem problem) {
        MultiplierFit intraday = fit(problem, false);
        MultiplierFit eod = fit(problem, true);
        return eod.value() > intraday.value() ? eod : intraday;
    }
}
