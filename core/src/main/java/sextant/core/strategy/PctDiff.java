package sextant.core.strategy;

/**
 * PctDiff (anchor-spec §5.4.6), evaluated on the correct bar (fixes W-5).
 *
 * <p>The trade of bar t uses the MaxDiff direction {@code w_t}, is priced off the previous close
 * {@code C_{t-1}} with the forecasts of bar t, and is judged on bar t's own high, low and close:
 * <ul>
 *   <li>long: entry {@code E = max(C_{t-1} (1 + fL_t)(1 + m_l), 1e-6)}; fills when {@code L_t <= E}; target
 *       {@code T = E (1 + p_long)}; exit at T when {@code H_t >= T}, else at {@code C_t}; return
 *       {@code (exit - E - fee E) / E};</li>
 *   <li>short: entry {@code E = C_{t-1} (1 + fH_t)(1 + m_h)}; fills when {@code H_t >= E}; target
 *       {@code T = E (1 - p_short)}; exit at T when {@code L_t <= T}, else at {@code C_t}; return
 *       {@code (E - exit - fee E) / E};</li>
 *   <li>daily returns clipped to +-10 %.</li>
 * </ul>
 * <b>Difference from the original:</b> the original judges the forecast of bar t against bar t-1's high, low and
 * close (the very bar it priced the entry from), so filled trades are mechanically profitable. Here fills and
 * exits come from bar t, which the forecast had not seen.
 *
 * <p>Fitting: the long days depend only on (m_l, p_long) and the short days only on (m_h, p_short), so the
 * four-parameter search is two independent 2-D grids ({@value #M_STEPS} x {@value #P_STEPS} points over
 * [-0.03, 0.03] x [0.003, 0.09]); the original used scipy DIRECT (720 evaluations) or a 7x7x10x10 fallback grid.
 * Immutable; safe to share between threads.
 */
public final class PctDiff {
    public static final double MAX_DAILY_RETURN = 0.10;
    static final int M_STEPS = 13;
    static final int P_STEPS = 15;
    static final double M_LO = -0.03;
    static final double M_HI = 0.03;
    static final double P_LO = 0.003;
    static final double P_HI = 0.09;

    private final BandSeries bands;
    private final MaxDiff maxDiff;
    private final double fee;

    public PctDiff(MaxDiff maxDiff) {
        this.maxDiff = maxDiff;
        this.bands = maxDiff.bands();
        this.fee = maxDiff.fee();
    }

    /** Return of bar t's long leg (0 when it is not long or did not fill). */
    public double longDay(int t, double ml, double pLong) {
        double e = Math.max(bands.close(t - 1) * (1 + bands.forecastLow(t)) * (1 + ml), 1e-6);
        if (bands.low(t) > e) {
            return 0;
        }
        double target = e * (1 + pLong);
        double exit = bands.high(t) >= target ? target : bands.close(t);
        return clip((exit - e - fee * e) / e);
    }

    /** Return of bar t's short leg (0 when it did not fill). */
    public double shortDay(int t, double mh, double pShort) {
        double e = bands.close(t - 1) * (1 + bands.forecastHigh(t)) * (1 + mh);
        if (!(bands.high(t) >= e) || e <= 0) {
            return 0;
        }
        double target = e * (1 - pShort);
        double exit = bands.low(t) <= target ? target : bands.close(t);
        return clip((e - exit - fee * e) / e);
    }

    private static double clip(double r) {
        return Math.max(-MAX_DAILY_RETURN, Math.min(MAX_DAILY_RETURN, r));
    }

    /** Daily returns of [from, to) with parameters {@code p} into {@code out[0 .. to-from)}; returns trade days. */
    public int daily(int from, int to, PctDiffFit p, double[] out) {
        int trades = 0;
        for (int t = from; t < to; t++) {
            int w = maxDiff.direction(t);
            double r = 0;
            if (w > 0) {
                r = longDay(t, p.lowMultiplier(), p.takeProfitLong());
            } else if (w < 0) {
                r = shortDay(t, p.highMultiplier(), p.takeProfitShort());
            }
            if (r != 0) {
                trades++;
            }
            out[t - from] = r;
        }
        return trades;
    }

    private static final double[] M_GRID = grid(M_LO, M_HI, M_STEPS);
    private static final double[] P_GRID = grid(P_LO, P_HI, P_STEPS);

    private static double[] grid(double lo, double hi, int k) {
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            g[i] = lo + (hi - lo) * i / (k - 1);
        }
        return g;
    }

    /**
     * Maximises the summed return of [from, to) (ties keep the first grid point, so it is deterministic). Each day's
     * entry and fill test is computed once per m and reused across every p.
     */
    public PctDiffFit fit(int from, int to) {
        int cells = M_STEPS * P_STEPS;
        double[] longSum = new double[cells];
        double[] shortSum = new double[cells];
        for (int t = from; t < to; t++) {
            int w = maxDiff.direction(t);
            if (w == 0) {
                continue;
            }
            double prev = bands.close(t - 1);
            double hi = bands.high(t);
            double lo = bands.low(t);
            double cl = bands.close(t);
            if (w > 0) {
                double base = prev * (1 + bands.forecastLow(t));
                for (int i = 0; i < M_STEPS; i++) {
                    double e = Math.max(base * (1 + M_GRID[i]), 1e-6);
                    if (lo > e) {
                        continue;
                    }
                    int row = i * P_STEPS;
                    for (int j = 0; j < P_STEPS; j++) {
                        double target = e * (1 + P_GRID[j]);
                        double exit = hi >= target ? target : cl;
                        longSum[row + j] += clip((exit - e - fee * e) / e);
                    }
                }
            } else {
                double base = prev * (1 + bands.forecastHigh(t));
                for (int i = 0; i < M_STEPS; i++) {
                    double e = base * (1 + M_GRID[i]);
                    if (!(hi >= e) || e <= 0) {
                        continue;
                    }
                    int row = i * P_STEPS;
                    for (int j = 0; j < P_STEPS; j++) {
                        double target = e * (1 - P_GRID[j]);
                        double exit = lo <= target ? target : cl;
                        shortSum[row + j] += clip((e - exit - fee * e) / e);
                    }
                }
            }
        }
        int bestL = 0;
        int bestS = 0;
        for (int c = 1; c < cells; c++) {
            if (longSum[c] > longSum[bestL]) {
                bestL = c;
            }
            if (shortSum[c] > shortSum[bestS]) {
                bestS = c;
            }
        }
        return new PctDiffFit(M_GRID[bestL / P_STEPS], M_GRID[bestS / P_STEPS], P_GRID[bestL % P_STEPS],
                P_GRID[bestS % P_STEPS], longSum[bestL] + shortSum[bestS]);
    }
}
