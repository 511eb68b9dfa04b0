package sextant.core.optimize;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sextant.core.strategy.BarMoves;
import sextant.core.strategy.ConservativeKernel;
import sextant.core.strategy.EntryExitKernel;
import sextant.core.strategy.FillModel;

/**
 * The objective of the MaxDiff-family multiplier search: {@code sum_t P(CA_t, HA_t, HP_t + m_h, LA_t, LP_t + m_l)}
 * over the days t in [from, to), each day with a long leg of weight {@code wLong[t]} and a short leg of weight
 * {@code wShort[t]}. Arrays are indexed by bar (absolute t) and shared, not copied.
 *
 * <p>With {@code moves == null} the day's PnL is the original's kernel ({@link EntryExitKernel}); otherwise it is
 * the conservative fill model's ({@link ConservativeKernel}) over the bars' real moves, and a position of day t may
 * be carried into bar t+1 only when {@code t + 1 < carryLimit}. A fit on past bars sets {@code carryLimit} to the
 * end of its range, so that no bar after the range leaks into the fit.
 */
public record MultiplierProblem(double[] ca, double[] ha, double[] la, double[] hp, double[] lp, double[] wLong,
                                double[] wShort, int from, int to, double fee, @Nullable BarMoves moves, int carryLimit) {

    /** The original's search box for both multipliers: [-0.03, 0.03]. */
    public static final double LOWER = -0.03;
    public static final double UPPER = 0.03;

    public MultiplierProblem {
        if (from < 0 || to < from || to > ca.length) {
            throw new IllegalArgumentException("day range [" + from + ", " + to + ") outside arrays of length " + ca.length);
        }
    }

    /** A problem under the original's kernel. */
    public MultiplierProblem(double[] ca, double[] ha, double[] la, double[] hp, double[] lp, double[] wLong,
                             double[] wShort, int from, int to, double fee) {
        this(ca, ha, la, hp, lp, wLong, wShort, from, to, fee, null, to);
    }

    public int days() {
        return to - from;
    }

    public FillModel fillModel() {
        return moves == null ? FillModel.ORIGINAL : FillModel.CONSERVATIVE;
    }

    /** The same objective over another range of days, carrying at most into bar {@code newCarryLimit - 1}. */
    public MultiplierProblem range(int newFrom, int newTo, int newCarryLimit) {
        return new MultiplierProblem(ca, ha, la, hp, lp, wLong, wShort, newFrom, newTo, fee, moves, newCarryLimit);
    }

    /** Whether the position of day t may be carried into bar t+1 (conservative model only). */
    public boolean carries(int t) {
        // Only the conservative model carries; its problems always have the bars' moves.
        return t + 1 < carryLimit && !Double.isNaN(Objects.requireNonNull(moves, "no bar moves").nextClose(t));
    }

    /** One day's PnL at (m_h, m_l). */
    public double day(int t, double mh, double ml, boolean closeAtEod) {
        if (moves == null) {
            return EntryExitKernel.day(ca[t], ha[t], hp[t] + mh, la[t], lp[t] + ml, wLong[t], wShort[t], closeAtEod, fee);
        }
        return ConservativeKernel.day(moves.open(t), moves.high(t), moves.low(t), moves.close(t), carries(t),
                moves.nextOpen(t), moves.nextHigh(t), moves.nextLow(t), moves.nextClose(t), hp[t] + mh, lp[t] + ml,
                wLong[t], wShort[t], closeAtEod, fee);
    }

    /** Sum of the kernel's daily PnL at (m_h, m_l). */
    public double total(double mh, double ml, boolean closeAtEod) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += day(t, mh, ml, closeAtEod);
        }
        return sum;
    }

    /** Daily PnL at (m_h, m_l) into {@code out[0 .. days)}. */
    public void daily(double mh, double ml, boolean closeAtEod, double[] out) {
        for (int t = from; t < to; t++) {
            out[t - from] = day(t, mh, ml, closeAtEod);
        }
    }
}
