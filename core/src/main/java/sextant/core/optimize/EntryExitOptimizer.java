package sextant.core.optimize;

import java.util.Arrays;
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
    static final double NUDGE = 1e-12;
    private static final double TIE = 1e-12;

    private double[] mlCand = new double[16];
    private double[] mhCand = new double[16];
    private int[] jFill = new int[8];
    private int[] jTpShort = new int[8];
    private int[] jZero = new int[8];
    private int[] jLow = new int[8];
    private double[] d0 = new double[17];
    private double[] d1 = new double[17];
    private ConservativeFitter conservative;

    @Override
    public MultiplierFit fit(MultiplierProblem p, boolean closeAtEod) {
        if (p.moves() != null) {
            if (conservative == null) {
                conservative = new ConservativeFitter();
            }
            return conservative.fit(p, closeAtEod);
        }
        int days = p.days();
        ensure(days);
        int nl = lowCandidates(p);
        int nh = highCandidates(p);
        indexDays(p, nl);
        double bestValue = p.total(0, 0, closeAtEod);
        double bestH = 0;
        double bestL = 0;
        if (closeAtEod) {
            // Separable: long legs depend on m_l only, short legs on m_h only.
            clearDiff(nl);
            addLongLegs(p, nl, true, 0);
            int bestJ = -1;
            double bestLong = Double.NEGATIVE_INFINITY;
            double s0 = 0;
            double s1 = 0;
            for (int j = 0; j < nl; j++) {
                s0 += d0[j];
                s1 += d1[j];
                double v = s0 + s1 * mlCand[j];
                if (v > bestLong) {
                    bestLong = v;
                    bestJ = j;
                }
            }
            int bestI = -1;
            double bestShort = Double.NEGATIVE_INFINITY;
            for (int i = nh - 1; i >= 0; i--) {
                double v = shortConstant(p, mhCand[i], true);
                if (v > bestShort) {
                    bestShort = v;
                    bestI = i;
                }
            }
            if (bestJ >= 0 && bestI >= 0 && bestLong + bestShort > bestValue + TIE) {
                bestH = mhCand[bestI];
                bestL = mlCand[bestJ];
            }
        } else {
            double found = bestValue + TIE;
            for (int i = 0; i < nh; i++) {
                double mh = mhCand[i];
                clearDiff(nl);
                double k = addShortLegsIntraday(p, nl, mh);
                addLongLegs(p, nl, false, mh);
                double s0 = 0;
                double s1 = 0;
                for (int j = 0; j < nl; j++) {
                    s0 += d0[j];
                    s1 += d1[j];
                    double v = k + s0 + s1 * mlCand[j];
                    if (v > found) {
                        found = v;
                        bestH = mh;
                        bestL = mlCand[j];
                    }
                }
            }
        }
        double value = (bestH == 0 && bestL == 0) ? bestValue : p.total(bestH, bestL, closeAtEod);
        if (value < bestValue) { // cannot happen beyond rounding; keep the baseline then
            return new MultiplierFit(0, 0, bestValue, closeAtEod);
        }
        return new MultiplierFit(bestH, bestL, value, closeAtEod);
    }

    private void ensure(int days) {
        int cand = 3 * days + 2;
        if (mlCand.length < cand) {
            mlCand = new double[cand];
            mhCand = new double[cand];
            d0 = new double[cand + 1];
            d1 = new double[cand + 1];
        }
        if (jFill.length < days) {
            jFill = new int[days];
            jTpShort = new int[days];
            jZero = new int[days];
            jLow = new int[days];
        }
    }

    private static boolean active(MultiplierProblem p, int t) {
        return p.wLong()[t] > 0 || p.wShort()[t] > 0;
    }

    private int lowCandidates(MultiplierProblem p) {
        int n = 0;
        mlCand[n++] = MultiplierProblem.LOWER;
        double[] la = p.la();
        double[] lp = p.lp();
        for (int t = p.from(); t < p.to(); t++) {
            if (!active(p, t)) {
                continue;
            }
            n = addLow(n, la[t] - lp[t] + NUDGE);
            n = addLow(n, -lp[t] + NUDGE);
            n = addLow(n, -1 - lp[t] + NUDGE);
        }
        return sortUnique(mlCand, n);
    }

    private int addLow(int n, double c) {
        if (c > MultiplierProblem.LOWER && c <= MultiplierProblem.UPPER) {
            mlCand[n++] = c;
        }
        return n;
    }

    private int highCandidates(MultiplierProblem p) {
        int n = 0;
        mhCand[n++] = MultiplierProblem.UPPER;
        double[] ha = p.ha();
        double[] hp = p.hp();
        for (int t = p.from(); t < p.to(); t++) {
            if (!active(p, t)) {
                continue;
            }
            n = addHigh(n, ha[t] - hp[t] - NUDGE);
            n = addHigh(n, -hp[t] - NUDGE);
            n = addHigh(n, 10 - hp[t] - NUDGE);
        }
        return sortUnique(mhCand, n);
    }

    private int addHigh(int n, double c) {
        if (c >= MultiplierProblem.LOWER && c < MultiplierProblem.UPPER) {
            mhCand[n++] = c;
        }
        return n;
    }

    /** Sorts {@code a[0 .. n)} and drops repeats; returns the new length (shared with {@link ConservativeFitter}). */
    static int sortUnique(double[] a, int n) {
        Arrays.sort(a, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || a[i] != a[m - 1]) {
                a[m++] = a[i];
            }
        }
        return m;
    }

    /** For each day, the first m_l candidate index at which each monotone indicator turns true (exact tests). */
    private void indexDays(MultiplierProblem p, int nl) {
        double[] la = p.la();
        double[] lp = p.lp();
        for (int t = p.from(); t < p.to(); t++) {
            int d = t - p.from();
            double l = lp[t];
            double a = la[t];
            // clip(l + m) > a
            int lo = 0;
            int hi = nl;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (EntryExitKernel.clampLow(l + mlCand[mid]) > a) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            jFill[d] = lo;
            lo = 0;
            hi = nl;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (EntryExitKernel.clampLow(l + mlCand[mid]) >= a) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            jTpShort[d] = lo;
            lo = 0;
            hi = nl;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (l + mlCand[mid] >= 0) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            jZero[d] = lo;
            lo = 0;
            hi = nl;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (l + mlCand[mid] > -1) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            jLow[d] = lo;
        }
    }

    private void clearDiff(int nl) {
        Arrays.fill(d0, 0, nl + 1, 0.0);
        Arrays.fill(d1, 0, nl + 1, 0.0);
    }

    private void addRange(int a, int b, double c0, double c1) {
        if (a < b) {
            d0[a] += c0;
            d0[b] -= c0;
            d1[a] += c1;
            d1[b] -= c1;
        }
    }

    /** Adds {@code -w * clip(LP_t + m_l, -1, 0)} for candidate indices [a, nl). */
    private void addMinusClippedLow(int d, double lpT, int a, int nl, double w) {
        int low = Math.max(a, jLow[d]);
        int zero = Math.max(a, jZero[d]);
        addRange(a, Math.min(low, nl), w, 0);           // clipped at -1: -w * -1
        addRange(low, Math.min(zero, nl), -w * lpT, -w); // interior: -w * (LP + m_l)
    }

    /** Long legs: filled from jFill on, earning exit - LP' - fee. With EOD the exit is the close. */
    private void addLongLegs(MultiplierProblem p, int nl, boolean closeAtEod, double mh) {
        double[] wl = p.wLong();
        double[] ca = p.ca();
        double[] ha = p.ha();
        double[] hp = p.hp();
        double fee = p.fee();
        for (int t = p.from(); t < p.to(); t++) {
            double w = wl[t];
            if (w <= 0) {
                continue;
            }
            int d = t - p.from();
            double exit = ca[t];
            if (!closeAtEod) {
                double hpc = EntryExitKernel.clampHigh(hp[t] + mh);
                if (hpc <= ha[t]) {
                    exit = hpc;
                }
            }
            int a = jFill[d];
            addRange(a, nl, w * exit - fee * w, 0);
            addMinusClippedLow(d, p.lp()[t], a, nl, w);
        }
    }

    /** Short legs under close-at-EOD: a constant per m_h. */
    private static double shortConstant(MultiplierProblem p, double mh, boolean closeAtEod) {
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
            if (hpc < ha[t]) {
                k += w * (hpc - ca[t]) - fee * w;
            }
        }
        return k;
    }

    /** Short legs intraday: entry HP' when it fills, exit at LP' from jTpShort on, else at the close. */
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
            addRange(0, a, -w * ca[t], 0);
            addMinusClippedLow(d, p.lp()[t], a, nl, w);
        }
        return k;
    }
}
