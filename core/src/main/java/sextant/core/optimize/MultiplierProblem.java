package sextant.core.optimize;

import sextant.core.strategy.EntryExitKernel;

/**
 * The objective of the MaxDiff-family multiplier search: {@code sum_t P(CA_t, HA_t, HP_t + m_h, LA_t, LP_t + m_l)}
 * over the days t in [from, to), each day with a long leg of weight {@code wLong[t]} and a short leg of weight
 * {@code wShort[t]} (see {@link EntryExitKernel}). Arrays are indexed by bar (absolute t) and shared, not copied.
 */
public record MultiplierProblem(double[] ca, double[] ha, double[] la, double[] hp, double[] lp, double[] wLong,
                                double[] wShort, int from, int to, double fee) {

    /** The original's search box for both multipliers: [-0.03, 0.03]. */
    public static final double LOWER = -0.03;
    public static final double UPPER = 0.03;

    public MultiplierProblem {
        if (from < 0 || to < from || to > ca.length) {
            throw new IllegalArgumentException("day range [" + from + ", " + to + ") outside arrays of length " + ca.length);
        }
    }

    public int days() {
        return to - from;
    }

    /** Sum of the real kernel's daily PnL at (m_h, m_l). */
    public double total(double mh, double ml, boolean closeAtEod) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += EntryExitKernel.day(ca[t], ha[t], hp[t] + mh, la[t], lp[t] + ml, wLong[t], wShort[t], closeAtEod, fee);
        }
        return sum;
    }

    /** Daily PnL at (m_h, m_l) into {@code out[0 .. days)}. */
    public void daily(double mh, double ml, boolean closeAtEod, double[] out) {
        for (int t = from; t < to; t++) {
            out[t - from] = EntryExitKernel.day(ca[t], ha[t], hp[t] + mh, la[t], lp[t] + ml, wLong[t], wShort[t],
                    closeAtEod, fee);
        }
    }
}
