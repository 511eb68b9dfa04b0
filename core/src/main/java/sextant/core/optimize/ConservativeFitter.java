package sextant.core.optimize;

import java.util.Arrays;
import sextant.core.strategy.BarMoves;
import sextant.core.strategy.ConservativeKernel;
import sextant.core.strategy.EntryExitKernel;

/**
 * Exact maximiser of the MaxDiff-family objective under the conservative fill model, by the same argument as
 * {@link EntryExitOptimizer}: every test of {@link ConservativeKernel} compares {@code clip(LP_t + m_l)} or
 * {@code clip(HP_t + m_h)} with a bar's move, so the box is cut into cells at data-defined breakpoints, and inside
 * a cell the objective is linear, non-increasing in m_l and non-decreasing in m_h (an entry's price only rises with
 * m_l, a take-profit's only with m_h; the other pieces are constant or continuous). Each cell's supremum is then at
 * its low-m_l / high-m_h corner, and those corners are the candidates.
 *
 * <p>m_l breakpoints: {@code l - LP} (long entry fills, short take-profit), {@code o - LP} (long opened through),
 * {@code l1 - LP} (a carried short's take-profit), and the clip corners. m_h breakpoints: {@code h - HP},
 * {@code o - HP}, {@code h1 - HP} and the clip corners. For each m_h candidate one difference-array sweep scores every
 * m_l candidate: O(candidates x (days + candidates)).
 *
 * <p>Not thread-safe: one instance per {@link EntryExitOptimizer}.
 */
final class ConservativeFitter {
    private static final double NUDGE = EntryExitOptimizer.NUDGE;
    private static final double TIE = 1e-12;

    private double[] mlCand = new double[16];
    private double[] mhCand = new double[16];
    private int[] jFill = new int[8];
    private int[] jOpen = new int[8];
    private int[] jNextLow = new int[8];
    private int[] jNextOpen = new int[8];
    private int[] jZero = new int[8];
    private int[] jLow = new int[8];
    private double[] d0 = new double[17];
    private double[] d1 = new double[17];

    MultiplierFit fit(MultiplierProblem p, boolean closeAtEod) {
        int days = p.days();
        ensure(days);
        int nl = lowCandidates(p);
        int nh = highCandidates(p);
        indexDays(p, nl);
        double baseline = p.total(0, 0, closeAtEod);
        double found = baseline + TIE;
        double bestH = 0;
        double bestL = 0;
        for (int i = 0; i < nh; i++) {
            double mh = mhCand[i];
            Arrays.fill(d0, 0, nl + 1, 0.0);
            Arrays.fill(d1, 0, nl + 1, 0.0);
            addDays(p, nl, mh, closeAtEod);
            double s0 = 0;
            double s1 = 0;
            for (int j = 0; j < nl; j++) {
                s0 += d0[j];
                s1 += d1[j];
                double v = s0 + s1 * mlCand[j];
                if (v > found) {
                    found = v;
                    bestH = mh;
                    bestL = mlCand[j];
                }
            }
        }
        double value = (bestH == 0 && bestL == 0) ? baseline : p.total(bestH, bestL, closeAtEod);
        if (value < baseline) { // cannot happen beyond rounding; keep the baseline then
            return new MultiplierFit(0, 0, baseline, closeAtEod);
        }
        return new MultiplierFit(bestH, bestL, value, closeAtEod);
    }

    private void ensure(int days) {
        int cand = 5 * days + 2;
        if (mlCand.length < cand) {
            mlCand = new double[cand];
            mhCand = new double[cand];
            d0 = new double[cand + 1];
            d1 = new double[cand + 1];
        }
        if (jFill.length < days) {
            jFill = new int[days];
            jOpen = new int[days];
            jNextLow = new int[days];
            jNextOpen = new int[days];
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
        BarMoves m = p.moves();
        double[] lp = p.lp();
        for (int t = p.from(); t < p.to(); t++) {
            if (!active(p, t)) {
                continue;
            }
            n = addLow(n, m.low(t) - lp[t] + NUDGE);
            n = addLow(n, m.open(t) - lp[t] + NUDGE);
            n = addLow(n, -lp[t] + NUDGE);
            n = addLow(n, -1 - lp[t] + NUDGE);
            if (p.wShort()[t] > 0 && p.carries(t)) {
                n = addLow(n, m.nextLow(t) - lp[t] + NUDGE);
            }
        }
        return EntryExitOptimizer.sortUnique(mlCand, n);
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
        BarMoves m = p.moves();
        double[] hp = p.hp();
        for (int t = p.from(); t < p.to(); t++) {
            if (!active(p, t)) {
                continue;
            }
            n = addHigh(n, m.high(t) - hp[t] - NUDGE);
            n = addHigh(n, m.open(t) - hp[t] - NUDGE);
            n = addHigh(n, -hp[t] - NUDGE);
            n = addHigh(n, 10 - hp[t] - NUDGE);
            if (p.wLong()[t] > 0 && p.carries(t)) {
                n = addHigh(n, m.nextHigh(t) - hp[t] - NUDGE);
            }
        }
        return EntryExitOptimizer.sortUnique(mhCand, n);
    }

    private int addHigh(int n, double c) {
        if (c >= MultiplierProblem.LOWER && c < MultiplierProblem.UPPER) {
            mhCand[n++] = c;
        }
        return n;
    }

    /** First m_l candidate index at which {@code clip(lp + m_l) > x} (the kernel's exact, strict test). */
    private int firstAbove(double lp, double x, int nl) {
        int lo = 0;
        int hi = nl;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (EntryExitKernel.clampLow(lp + mlCand[mid]) > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private void indexDays(MultiplierProblem p, int nl) {
        BarMoves m = p.moves();
        double[] lp = p.lp();
        for (int t = p.from(); t < p.to(); t++) {
            int d = t - p.from();
            double l = lp[t];
            jFill[d] = firstAbove(l, m.low(t), nl);
            jOpen[d] = firstAbove(l, m.open(t), nl);
            boolean carry = p.carries(t);
            jNextLow[d] = carry ? firstAbove(l, m.nextLow(t), nl) : nl;
            jNextOpen[d] = carry ? firstAbove(l, m.nextOpen(t), nl) : nl;
            int lo = 0;
            int hi = nl;
            while (lo < hi) { // first index with lp + m_l >= 0 (clipped to 0 from there)
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
            while (lo < hi) { // first index with lp + m_l > -1 (clipped to -1 before it)
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

    private void addRange(int a, int b, double c0, double c1) {
        if (a < b) {
            d0[a] += c0;
            d0[b] -= c0;
            d1[a] += c1;
            d1[b] -= c1;
        }
    }

    /** Adds {@code k * clip(LP_t + m_l, -1, 0)} over candidate indices [a, b). */
    private void addClippedLow(int d, double lpT, int a, int b, double k) {
        if (a >= b) {
            return;
        }
        int low = Math.min(Math.max(a, jLow[d]), b);
        int zero = Math.min(Math.max(a, jZero[d]), b);
        addRange(a, low, -k, 0);
        addRange(low, zero, k * lpT, k);
    }

    private void addDays(MultiplierProblem p, int nl, double mh, boolean closeAtEod) {
        BarMoves m = p.moves();
        double[] wl = p.wLong();
        double[] ws = p.wShort();
        double[] hp = p.hp();
        double[] lp = p.lp();
        double fee2 = 2 * p.fee();
        for (int t = p.from(); t < p.to(); t++) {
            int d = t - p.from();
            double hpc = EntryExitKernel.clampHigh(hp[t] + mh);
            double o = m.open(t);
            double c = m.close(t);
            boolean carry = p.carries(t);
            double w = wl[t];
            if (w > 0) {
                double carried = closeAtEod ? c
                        : ConservativeKernel.carriedLongExit(carry, c, m.nextOpen(t), m.nextHigh(t), m.nextClose(t), hpc);
                double tp = closeAtEod ? c : (m.high(t) > hpc ? hpc : carried);
                int fill = jFill[d];
                int open = Math.max(jOpen[d], fill);
                addRange(fill, open, w * carried - fee2 * w, 0); // entry at lp': earns -w * lp'
                addClippedLow(d, lp[t], fill, open, -w);
                addRange(open, nl, w * (tp - o) - fee2 * w, 0);  // entry at the open
            }
            w = ws[t];
            if (w > 0 && m.high(t) > hpc) {
                boolean openedThrough = o > hpc;
                double entry = openedThrough ? o : hpc;
                double k = w * entry - fee2 * w;
                if (closeAtEod) {
                    addRange(0, nl, k - w * c, 0);
                    continue;
                }
                int split = openedThrough ? jFill[d] : nl; // from here the take-profit fills on the entry bar
                if (!carry) {
                    addRange(0, split, k - w * c, 0);
                } else {
                    int a = Math.min(jNextLow[d], split);
                    int b = Math.min(Math.max(jNextOpen[d], jNextLow[d]), split);
                    addRange(0, a, k - w * m.nextClose(t), 0);
                    addRange(a, b, k, 0);
                    addClippedLow(d, lp[t], a, b, -w);
                    addRange(b, split, k - w * m.nextOpen(t), 0);
                }
                addRange(split, nl, k, 0);
                addClippedLow(d, lp[t], split, nl, -w);
            }
        }
    }
}
