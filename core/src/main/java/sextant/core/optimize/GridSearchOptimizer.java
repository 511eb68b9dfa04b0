package sextant.core.optimize;

/**
 * The original's optimiser (anchor-spec §5.5, {@code _multi_stage_grid_search}): stages of 33, 17 and 9 points per
 * axis; stage 1 spans [-0.03, 0.03]^2; each later stage is recentred on the best point so far with half-width
 * {@code max(0.6 * range / 2, 1e-4)} per axis, clipped to the box; the best point over all stages wins (1,459
 * evaluations).
 *
 * <p>One deliberate difference: points are ranked with the real kernel. The original ranks them with a divergent
 * internal fee rule and only re-scores the winner with the kernel, so this grid is never worse than the
 * original's under the kernel. Kept as the reference that {@link EntryExitOptimizer} must never lose to.
 */
public final class GridSearchOptimizer implements MultiplierOptimizer {
    private final int[] stages;

    public GridSearchOptimizer(int... stages) {
        if (stages.length == 0) {
            throw new IllegalArgumentException("at least one grid stage");
        }
        this.stages = stages.clone();
    }

    /** The original's 33/17/9 stages. */
    public static GridSearchOptimizer anchor() {
        return new GridSearchOptimizer(33, 17, 9);
    }

    @Override
    public MultiplierFit fit(MultiplierProblem p, boolean closeAtEod) {
        double hLo = MultiplierProblem.LOWER;
        double hHi = MultiplierProblem.UPPER;
        double lLo = MultiplierProblem.LOWER;
        double lHi = MultiplierProblem.UPPER;
        double bestH = 0;
        double bestL = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int k : stages) {
            for (int i = 0; i < k; i++) {
                double mh = point(hLo, hHi, i, k);
                for (int j = 0; j < k; j++) {
                    double ml = point(lLo, lHi, j, k);
                    double v = p.total(mh, ml, closeAtEod);
                    if (v > best) {
                        best = v;
                        bestH = mh;
                        bestL = ml;
                    }
                }
            }
            double hw = Math.max(0.6 * (hHi - hLo) / 2, 1e-4);
            double lw = Math.max(0.6 * (lHi - lLo) / 2, 1e-4);
            hLo = Math.max(MultiplierProblem.LOWER, bestH - hw);
            hHi = Math.min(MultiplierProblem.UPPER, bestH + hw);
            lLo = Math.max(MultiplierProblem.LOWER, bestL - lw);
            lHi = Math.min(MultiplierProblem.UPPER, bestL + lw);
        }
        return new MultiplierFit(bestH, bestL, best, closeAtEod);
    }

    private static double point(double lo, double hi, int i, int k) {
        return k == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (k - 1);
    }
}
