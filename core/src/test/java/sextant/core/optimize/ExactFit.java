package sextant.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

/** What every exact fit must satisfy, whatever the fill model: the optimiser tests check it the same way. */
final class ExactFit {
    private ExactFit() {
    }

    /**
     * Fits {@code p} and checks the fit: multipliers inside the search box, the value it reports is the problem's
     * value there, no worse than not trading, and no point of a dense 121x121 grid beats it.
     */
    static MultiplierFit checked(EntryExitOptimizer exact, MultiplierProblem p, boolean eod, String what) {
        MultiplierFit fit = exact.fit(p, eod);
        assertThat(fit.highMultiplier()).as(what).isBetween(-0.03, 0.03);
        assertThat(fit.lowMultiplier()).as(what).isBetween(-0.03, 0.03);
        assertThat(fit.value()).as(what).isEqualTo(p.total(fit.highMultiplier(), fit.lowMultiplier(), eod));
        assertThat(fit.value()).as(what).isGreaterThanOrEqualTo(p.total(0, 0, eod));
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 120; i++) {
            for (int j = 0; j <= 120; j++) {
                best = Math.max(best, p.total(-0.03 + 0.0005 * i, -0.03 + 0.0005 * j, eod));
            }
        }
        assertThat(fit.value()).as(what).isGreaterThanOrEqualTo(best - 1e-9);
        return fit;
    }
}
