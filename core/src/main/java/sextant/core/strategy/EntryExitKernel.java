package sextant.core.strategy;

/**
 * The original's per-day entry/exit PnL kernel (anchor-spec §5.4.4, {@code loss_utils.py:311-419}), in double
 * precision. All inputs are returns relative to the previous close: {@code c} realised close, {@code h}/{@code l}
 * realised high/low (gap-adjusted by the caller), {@code hp}/{@code lp} the predicted high/low band (multipliers
 * already added).
 *
 * <p>A day holds a long leg of weight {@code wLong >= 0} and a short leg of weight {@code wShort >= 0}. The
 * original's single weight {@code w} maps to {@code wLong = clip(w, 0, 10)}, {@code wShort = |clip(w, -10, 0)|};
 * MaxDiffAlwaysOn's two unit legs are {@code wLong = 1, wShort = 1} (the kernel is additive over legs, each leg
 * paying its own fee).
 *
 * <ol>
 *   <li>clamp {@code lp' = clip(lp, -1, 0)}, {@code hp' = clip(hp, 0, 10)};</li>
 *   <li>the long leg fills when {@code lp' > l}; the short leg fills when {@code hp' < h};</li>
 *   <li>each filled leg pays {@code fee * weight} once;</li>
 *   <li>close-at-EOD: a filled leg exits at the close; intraday: a filled long exits at {@code hp'} when
 *       {@code hp' <= h} (else at the close), a filled short at {@code lp'} when {@code lp' >= l}
 *       (the original does not check that the take-profit touch came after the entry touch).</li>
 * </ol>
 */
public final class EntryExitKernel {
    private EntryExitKernel() {
    }

    /** The original's clamp of the predicted low: [-1, 0]. */
    public static double clampLow(double lp) {
        return lp < -1 ? -1 : (lp > 0 ? 0 : lp);
    }

    /** The original's clamp of the predicted high: [0, 10]. */
    public static double clampHigh(double hp) {
        return hp < 0 ? 0 : (hp > 10 ? 10 : hp);
    }

    /** PnL of one day (both legs, fees included). */
    public static double day(double c, double h, double hp, double l, double lp, double wLong, double wShort,
                             boolean closeAtEod, double fee) {
        double lpc = clampLow(lp);
        double hpc = clampHigh(hp);
        double pnl = 0;
        if (wLong > 0 && lpc > l) {
            double exit = (!closeAtEod && hpc <= h) ? hpc : c;
            pnl += wLong * (exit - lpc) - fee * wLong;
        }
        if (wShort > 0 && hpc < h) {
            double exit = (!closeAtEod && lpc >= l) ? lpc : c;
            pnl += wShort * (hpc - exit) - fee * wShort;
        }
        return pnl;
    }

    /** PnL of one day for the original's signed weight {@code w}. */
    public static double daySigned(double c, double h, double hp, double l, double lp, double w, boolean closeAtEod,
                                   double fee) {
        double wLong = w > 0 ? Math.min(w, 10) : 0;
        double wShort = w < 0 ? Math.min(-w, 10) : 0;
        return day(c, h, hp, l, lp, wLong, wShort, closeAtEod, fee);
    }

    /** The original kernel over arrays (its column order: close, high, high_pred, low, low_pred, weight). */
    public static double[] daily(double[] c, double[] h, double[] hp, double[] l, double[] lp, double[] w,
                                 boolean closeAtEod, double fee) {
        int n = c.length;
        if (h.length != n || hp.length != n || l.length != n || lp.length != n || w.length != n) {
            throw new IllegalArgumentException("kernel arrays differ in length");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = daySigned(c[i], h[i], hp[i], l[i], lp[i], w[i], closeAtEod, fee);
        }
        return out;
    }
}
