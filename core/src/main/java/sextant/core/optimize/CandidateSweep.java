package sextant.core.optimize;

import java.util.Arrays;
import sextant.core.strategy.EntryExitKernel;

/**
 * The machinery both exact multiplier searches share ({@link EntryExitOptimizer} for the original kernel,
 * {@link ConservativeFitter} for the conservative one): the sorted m_l and m_h candidates of one window, the
 * difference arrays on which each day adds its linear pieces {@code c0 + c1 * m_l} over ranges of m_l candidates,
 * and the sweep that scores every m_l candidate in one pass. The searches differ only in their breakpoints and in
 * the pieces a day adds.
 *
 * <p>Work arrays grow and are reused, never reallocated per window; not thread-safe.
 */
final class CandidateSweep {
    /** Puts a candidate inside the cell whose boundary is open (a strict fill test). */
    static final double NUDGE = 1e-12;
    /** A candidate must beat the baseline (0, 0) by more than this to replace it. */
    static final double TIE = 1e-12;

    private final int breakpointsPerDay;
    double[] mlCand = new double[16];
    double[] mhCand = new double[16];
    private int nl;
    private int nh;
    private double[] d0 = new double[17];
    private double[] d1 = new double[17];
    private int[] jZero = new int[8];
    private int[] jLow = new int[8];
    private double best;
    private double found;
    private double bestH;
    private double bestL;

    /** {@code breakpointsPerDay}: the most m_l (or m_h) candidates one day can add. */
    CandidateSweep(int breakpointsPerDay) {
        this.breakpointsPerDay = breakpointsPerDay;
    }

    /** Makes room for a window of {@code days} and starts both candidate lists at the search box's corner. */
    void start(int days) {
        int cand = breakpointsPerDay * days + 2;
        if (mlCand.length < cand) {
            mlCand = new double[cand];
            mhCand = new double[cand];
            d0 = new double[cand + 1];
            d1 = new double[cand + 1];
        }
        if (jZero.length < days) {
            jZero = new int[days];
            jLow = new int[days];
        }
        nl = 0;
        nh = 0;
        mlCand[nl++] = MultiplierProblem.LOWER;
        mhCand[nh++] = MultiplierProblem.UPPER;
    }

    /** Whether day t has a leg at all (a flat day adds no breakpoint). */
    static boolean active(MultiplierProblem p, int t) {
        return p.wLong()[t] > 0 || p.wShort()[t] > 0;
    }

    /** An m_l breakpoint, kept when it lies in (LOWER, UPPER]. */
    void addLow(double c) {
        if (c > MultiplierProblem.LOWER && c <= MultiplierProblem.UPPER) {
            mlCand[nl++] = c;
        }
    }

    /** An m_h breakpoint, kept when it lies in [LOWER, UPPER). */
    void addHigh(double c) {
        if (c >= MultiplierProblem.LOWER && c < MultiplierProblem.UPPER) {
            mhCand[nh++] = c;
        }
    }

    /**
     * The breakpoints of the kernels' clips, common to both fill models: {@code LP + m_l} reaching 0 or -1 and
     * {@code HP + m_h} reaching 0 or 10.
     */
    void addClipCorners(double lp, double hp) {
        addLow(-lp + NUDGE);
        addLow(-1 - lp + NUDGE);
        addHigh(-hp - NUDGE);
        addHigh(10 - hp - NUDGE);
    }

    /** Sorts both candidate lists and drops repeats; call once every breakpoint is added. */
    void sortCandidates() {
        nl = sortUnique(mlCand, nl);
        nh = sortUnique(mhCand, nh);
    }

    int lowCount() {
        return nl;
    }

    int highCount() {
        return nh;
    }

    /** Sorts {@code a[0 .. n)} and drops repeats; returns the new length. */
    private static int sortUnique(double[] a, int n) {
        Arrays.sort(a, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || a[i] != a[m - 1]) {
                a[m++] = a[i];
            }
        }
        return m;
    }

    /**
     * First m_l candidate index at which {@code clip(lp + m_l) > x} ({@code strict}) or {@code >= x}: the kernels'
     * exact tests, monotone in m_l, so a binary search.
     */
    int first(double lp, double x, boolean strict) {
        int lo = 0;
        int hi = nl;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double v = EntryExitKernel.clampLow(lp + mlCand[mid]);
            if (strict ? v > x : v >= x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Where day d's clipped {@code LP_t + m_l} leaves -1 and where it reaches 0, for {@link #addClippedLow}. */
    void indexClip(int d, double lp) {
        jZero[d] = first(lp, 0, false);
        jLow[d] = first(lp, -1, true);
    }

    /** Zeroes the difference arrays before the days of one m_h candidate are added. */
    void clear() {
        Arrays.fill(d0, 0, nl + 1, 0.0);
        Arrays.fill(d1, 0, nl + 1, 0.0);
    }

    /** Adds {@code c0 + c1 * m_l} for candidate indices [a, b). */
    void addRange(int a, int b, double c0, double c1) {
        if (a < b) {
            d0[a] += c0;
            d0[b] -= c0;
            d1[a] += c1;
            d1[b] -= c1;
        }
    }

    /** Adds {@code k * clip(LP_t + m_l, -1, 0)} of day d over candidate indices [a, b). */
    void addClippedLow(int d, double lpT, int a, int b, double k) {
        if (a >= b) {
            return;
        }
        int low = Math.min(Math.max(a, jLow[d]), b);
        int zero = Math.min(Math.max(a, jZero[d]), b);
        addRange(a, low, -k, 0);
        addRange(low, zero, k * lpT, k);
    }

    /**
     * Sweeps the m_l candidates: the first index whose value {@code k + sum of its pieces} is the largest above
     * {@code above}, or -1 when none is; {@link #best()} is then that value.
     */
    int bestLow(double k, double above) {
        double[] c0 = d0;
        double[] c1 = d1;
        double[] ml = mlCand;
        double top = above;
        int bestJ = -1;
        double s0 = 0;
        double s1 = 0;
        for (int j = 0; j < nl; j++) {
            s0 += c0[j];
            s1 += c1[j];
            double v = k + s0 + s1 * ml[j];
            if (v > top) {
                top = v;
                bestJ = j;
            }
        }
        best = top;
        return bestJ;
    }

    /** The value of the last {@link #bestLow} sweep's winner (its {@code above} when there was none). */
    double best() {
        return best;
    }

    /** Starts the search for the best (m_h, m_l): a candidate must beat {@code baseline} by more than {@link #TIE}. */
    void startSearch(double baseline) {
        found = baseline + TIE;
        bestH = 0;
        bestL = 0;
    }

    /**
     * Sweeps the pieces added for m_h = {@code mh} (plus the constant {@code k}) and keeps (mh, m_l) when it beats
     * the best so far; ties keep the earlier one.
     */
    void searchAt(double mh, double k) {
        int j = bestLow(k, found);
        if (j >= 0) {
            found = best;
            bestH = mh;
            bestL = mlCand[j];
        }
    }

    /** The best (m_h, m_l) of the search, re-scored with the kernel. */
    MultiplierFit searchResult(MultiplierProblem p, double baseline, boolean closeAtEod) {
        return rescored(p, bestH, bestL, baseline, closeAtEod);
    }

    /** The fit at (mh, ml), re-scored with the kernel; the baseline (0, 0) if rounding made it worse. */
    static MultiplierFit rescored(MultiplierProblem p, double mh, double ml, double baseline, boolean closeAtEod) {
        double value = (mh == 0 && ml == 0) ? baseline : p.total(mh, ml, closeAtEod);
        if (value < baseline) { // cannot happen beyond rounding; keep the baseline then
            return new MultiplierFit(0, 0, baseline, closeAtEod);
        }
        return new MultiplierFit(mh, ml, value, closeAtEod);
    }
}
