package sextant.core.strategy;

/**
 * The conservative fill model's per-day PnL of the MaxDiff family (see {@link FillModel#CONSERVATIVE}). Inputs are
 * returns relative to the previous close {@code C_{t-1}}: the bar's open {@code o}, high {@code h}, low {@code l},
 * close {@code c}; the next bar's {@code o1, h1, l1, c1} when a position may be carried into it
 * ({@code carry}); the band {@code hp, lp} with multipliers added (clamped here as the original clamps them).
 *
 * <p>Long leg (weight {@code wLong}): the entry limit {@code lp'} fills when {@code l < lp'} (strict, as the paper
 * broker), at the open when {@code o < lp'}. Close-at-EOD exits at {@code c}. Otherwise the take-profit
 * {@code hp'} counts on the entry bar only when the bar opened through the entry (so the entry came first) and
 * {@code h > hp'}; if not, the position is carried: on the next bar it exits at the open when {@code o1 > hp'},
 * at {@code hp'} when {@code h1 > hp'}, else at {@code c1}; with no next bar it is marked at {@code c}. The short
 * leg mirrors it. Each filled leg pays {@code fee} on entry and on exit, as the paper broker charges them.
 *
 * <p>Every comparison switches at a data-defined multiplier, which is what keeps the optimiser exact.
 */
public final class ConservativeKernel {
    private ConservativeKernel() {
    }

    /** PnL of one day (both legs, both sides' fees). */
    public static double day(double o, double h, double l, double c, boolean carry, double o1, double h1, double l1,
                             double c1, double hp, double lp, double wLong, double wShort, boolean closeAtEod,
                             double fee) {
        double lpc = EntryExitKernel.clampLow(lp);
        double hpc = EntryExitKernel.clampHigh(hp);
        double pnl = 0;
        if (wLong > 0 && l < lpc) {
            boolean openedThrough = o < lpc;
            double entry = openedThrough ? o : lpc;
            double exit;
            if (closeAtEod) {
                exit = c;
            } else if (openedThrough && h > hpc) {
                exit = hpc;
            } else {
                exit = carriedLongExit(carry, c, o1, h1, c1, hpc);
            }
            pnl += wLong * (exit - entry) - 2 * fee * wLong;
        }
        if (wShort > 0 && h > hpc) {
            boolean openedThrough = o > hpc;
            double entry = openedThrough ? o : hpc;
            double exit;
            if (closeAtEod) {
                exit = c;
            } else if (openedThrough && l < lpc) {
                exit = lpc;
            } else {
                exit = carriedShortExit(carry, c, o1, l1, c1, lpc);
            }
            pnl += wShort * (entry - exit) - 2 * fee * wShort;
        }
        return pnl;
    }

    /** Exit of a long carried into the next bar with its take-profit at {@code hpc}; marked at {@code c} without one. */
    public static double carriedLongExit(boolean carry, double c, double o1, double h1, double c1, double hpc) {
        if (!carry) {
            return c;
        }
        if (o1 > hpc) {
            return o1;
        }
        return h1 > hpc ? hpc : c1;
    }

    /** Exit of a short carried into the next bar with its take-profit at {@code lpc}; marked at {@code c} without one. */
    public static double carriedShortExit(boolean carry, double c, double o1, double l1, double c1, double lpc) {
        if (!carry) {
            return c;
        }
        if (o1 < lpc) {
            return o1;
        }
        return l1 < lpc ? lpc : c1;
    }
}
