package sextant.core.optimize;

import org.jspecify.annotations.Nullable;
import sextant.core.strategy.EntryExitKernel;

/**
 * Exact maximiser of the MaxDiff-family objective over [-0.03, 0.03]^2, using the real kernel (not the
 * original grid's divergent fee rule, anchor-spec §5.5 item 3).
 *
 * <p><b>Why it is exact.</b> Every fill/take-profit indicator of the kernel compares {@code clip(LP_t + m_l)}
 * with {@code LA_t} or {@code clip(HP_t + m_h)} with {@code HA_t}, so it switches only at data-defined breakpoints
 * {@code m_l = LA_t - LP_t} and {@code m_h = HA_t - HP_t} (plus the clip corners {@code -LP_t}, {@code -1-LP_t},
 * {@code -HP_t}, {@code 10-HP_t}). These cut the box into rectangular cells on which the objective is linear, and
 * inside a cell it is non-increasing in m_l (every filled leg earns {@code -LP'}) and non-decreasing in m_h (every
 * filled leg earns {@code +HP'}). So each cell's supremum sits at its low-m_l / high-m_h corner. Those corners are
 * the candidates: m_l in {-0.03} u {b + 1e-12}, m_h in {0.03} u {b - 1e-12}. The 1e-12 nudge puts the candidate
 * inside the cell whose boundary is open (a strict fill test), so at most {@code days * 1e-12} is lost against
 * the supremum. Any grid point lies in some cell, so the result is never worse than a grid (the original's
 * 33/17/9 grid included) beyond that bound.
 *
 * <p><b>How it is fast.</b> For each m_h candidate, the objective as a function of m_l is a sum of per-day pieces
 * {@code c0 + c1 * m_l} that switch at precomputed candidate indices, so one difference-array sweep scores all
 * m_l candidates in O(days + candidates). Close-at-EOD is separable (long legs depend only on m_l, short legs
 * only on m_h) and costs two 1-D sweeps. Total: O(days^2) intraday, O(days log days) at EOD.
 *
 * <p>Ties keep (0, 0) (the baseline) unless a candidate beats it by more than 1e-12, then the first best in
 * ascending (m_h, m_l) order: the result is deterministic. The returned value is re-scored with the kernel.
 *
 * <p>Under the conservative fill model ({@code p.moves() != null}) the same argument holds over other breakpoints;
 * {@link ConservativeFitter} does that search.
 *
 * <p>Not thread-safe (it reuses its work arrays): use one instance per thread.
 */
public final class EntryExitOptimizer implements MultiplierOptimizer {
    /** Per day: the fill, the clip corners at 0 and -1 (m_l); the fill, 0 and 10 (m_h). */
    private final CandidateSweep sweep = new CandidateSweep(3);
    private int[] jFill = new int[8];
    private int[] jTpShort = new int[8];
    private @Nullable ConservativeFitter conservative;

    @Override
    public MultiplierFit fit(MultiplierProblem p, boolean closeAtEod) {
        if (p.moves() != null) {
            if (conservative == null) {
                conservative = new ConservativeFitter();
            }
            return conservative.fit(p, closeAtEod);
        }
        int days = p.days();
        sweep.start(days);
        if (jFill.length < days) {
            jFill = new int[days];
            jTpShort = new int[days];
        }
        addCandidates(p);
        int nl = sweep.lowCount();
        int nh = sweep.highCount();
        indexDays(p);
        double bestValue = p.total(0, 0, closeAtEod);
        if (closeAtEod) {
            // Separable: long legs depend on m_l only, short legs on m_h only.
            sweep.clear();
            addLongLegs(p, nl, true, 0);
            int bestJ = sweep.bestLow(0, Double.NEGATIVE_INFINITY);
            double bestLong = sweep.best();
            int bestI = -1;
            double bestShort = Double.NEGATIVE_INFINITY;
            for (int i = nh - 1; i >= 0; i--) {
                double v = shortsAtClose(p, sweep.mhCand[i]);
                if (v > bestShort) {
                    bestShort = v;
                    bestI = i;
                }
            }
            if (bestJ >= 0 && bestI >= 0 && bestLong + bestShort > bestValue + CandidateSweep.TIE) {
                return CandidateSweep.rescored(p, sweep.mhCand[bestI], sweep.mlCand[bestJ], bestValue, true);
            }
            return CandidateSweep.rescored(p, 0, 0, bestValue, true);
        }
        sweep.startSearch(bestValue);
        for (int i = 0; i < nh; i++) {
            double mh = sweep.mhCand[i];
            sweep.clear();
            double k = addShortLegsIntraday(p, nl, mh);
            addLongLegs(p, nl, false, mh);
            sweep.searchAt(mh, k);
        }
        return sweep.searchResult(p, bestValue, false);
    }

    private void addCandidates(MultiplierProblem p) {
        double[] la = p.la();
        double[] lp = p.lp();
        double[] ha = p.ha();
        double[] hp = p.hp();
        for (int t = p.from(); t < p.to(); t++) {
            if (!CandidateSweep.active(p, t)) {
                continue;
            }
            sweep.addLow(la[t] - lp[t] + CandidateSweep.NUDGE);
            sweep.addHigh(ha[t] - hp[t] - CandidateSweep.NUDGE);
            sweep.addClipCorners(lp[t], hp[t]);
        }
        sweep.sortCandidates();
    }

    /** For each day, the first m_l candidate index at which each monotone indicator turns true (exact tests). */
    private void indexDays(MultiplierProblem p) {
        double[] la = p.la();
        double[] lp = p.lp();
        for (int t = p.from(); t < p.to(); t++) {
            int d = t - p.from();
            jFill[d] = sweep.first(lp[t], la[t], true);
            jTpShort[d] = sweep.first(lp[t], la[t], false);
            sweep.indexClip(d, lp[t]);
        }
    }

    /** Long legs: filled from jFill on, earning exit - LP' - fee. With EOD the exit is the close. */
    private void addLongLegs(MultiplierProblem p, int nl, boolean closeAtEod, double mh) {
        double[] wl = p.wLong();
        double[] ca = p.ca();
        double[] ha = p.ha();
        double[] hp = p.hp();
        for (int t = p.from(); t < p.to(); t++) {
            double w = wl[t];
            if (w <= 0) {
                continue;
            }
            // Intraday the take-profit at HP' fills when the high reaches it; otherwise the exit is the close.
            double hpc = EntryExitKernel.clampHigh(hp[t] + mh);
            double exit = !closeAtEod && hpc <= ha[t] ? hpc : ca[t];
            int d = t - p.from();
            int a = jFill[d];
            sweep.addRange(a, nl, w * exit - p.fee() * w, 0);
            sweep.addClippedLow(d, p.lp()[t], a, nl, -w);
        }
    }

    /**
     * Short legs under close-at-EOD: entered at HP' when it fills, out at the close, so a constant per m_h. Small and
     * static so that the JIT inlines it into the m_h loop.
     */
    private static double shortsAtClose(MultiplierProblem p, double mh) {
        double k = 0;
        for (int t = p.from(); t < p.to(); t++) {
            double w = p.wShort()[t];
            if (w > 0) {
                double hpc = EntryExitKernel.clampHigh(p.hp()[t] + mh);
                if (hpc < p.ha()[t]) {
                    k += w * (hpc - p.ca()[t]) - p.fee() * w;
                }
            }
        }
        return k;
    }

    /** Short legs intraday: entry HP' when it fills (returned), exit at LP' from jTpShort on, else at the close. */
    private double addShortLegsIntraday(MultiplierProblem p, int nl, double mh) {
        double[] ws = p.wShort();
        double[] ca = p.ca();
        double[] ha = p.ha();
        double[] hp = p.hp();
        double fee = p.fee();
        double k = 0;
        for (int t = p.from(); t < p.to(); t++) {
            double w = ws[t];
            if (w <= 0) {
                continue;
            }
            double hpc = EntryExitKernel.clampHigh(hp[t] + mh);
            if (!(hpc < ha[t])) {
                continue;
            }
            int d = t - p.from();
            k += w * hpc - fee * w;
            int a = Math.min(jTpShort[d], nl);
            sweep.addRange(0, a, -w * ca[t], 0);
            sweep.addClippedLow(d, p.lp()[t], a, nl, -w);
        }
        return k;
    }
}
