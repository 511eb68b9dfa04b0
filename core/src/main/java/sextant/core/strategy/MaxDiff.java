package sextant.core.strategy;

import sextant.core.optimize.MultiplierProblem;

/**
 * MaxDiff (anchor-spec §5.4.4), prepared once per symbol: per-bar directions and leg weights over a
 * {@link BandSeries}; windows are index ranges [from, to) of bars.
 *
 * <p>Direction of bar t: valid when {@code LP_t < HP_t}; then {@code +1} if {@code |HP_t| > |LP_t|} else
 * {@code -1}; crypto is long-only ({@code -1 -> 0}); invalid or unusable bars are flat.
 *
 * <p>Immutable after construction and safe to share between threads; the optimiser passed in is not.
 */
public final class MaxDiff extends LegWeights<MaxDiffResult> {
    /** The original's weight of the optimised return in its reported totals. */
    public static final double BLEND = 0.3;

    private final int[] direction;
    private final boolean[] valid;

    /** MaxDiff under the original's fill model (what {@code sextant parity} reproduces). */
    public MaxDiff(BandSeries bands, boolean crypto, double fee, int periodsPerYear) {
        this(bands, crypto, fee, periodsPerYear, FillModel.ORIGINAL);
    }

    public MaxDiff(BandSeries bands, boolean crypto, double fee, int periodsPerYear, FillModel fillModel) {
        super(bands, crypto, fee, periodsPerYear, fillModel);
        int len = bands.bars() + 1;
        direction = new int[len];
        valid = new boolean[len];
        double[] hp = bands.highPredicted();
        double[] lp = bands.lowPredicted();
        for (int t = 1; t < len; t++) {
            boolean forecastOk = Double.isFinite(hp[t]) && Double.isFinite(lp[t]);
            valid[t] = forecastOk && isValid(hp[t], lp[t]);
            direction[t] = forecastOk && bands.usable(t) ? direction(hp[t], lp[t], crypto) : 0;
            wLong[t] = direction[t] > 0 ? 1 : 0;
            wShort[t] = direction[t] < 0 ? 1 : 0;
        }
    }

    /** A forecast band is valid when the predicted low is below the predicted high. */
    public static boolean isValid(double hp, double lp) {
        return lp < hp;
    }

    /** The original's direction rule (+1, -1 or 0). */
    public static int direction(double hp, double lp, boolean crypto) {
        if (!isValid(hp, lp)) {
            return 0;
        }
        int w = Math.abs(hp) > Math.abs(lp) ? 1 : -1;
        return crypto && w < 0 ? 0 : w;
    }

    public BandSeries bands() {
        return problems.bands();
    }

    public double fee() {
        return problems.fee();
    }

    /** Direction of bar t (also defined for t = N, the next bar). */
    public int direction(int t) {
        return direction[t];
    }

    public FillModel fillModel() {
        return problems.fillModel();
    }

    @Override
    public MaxDiffResult evaluateWith(int from, int to, boolean closeAtEod, double mh, double ml) {
        MultiplierProblem p = problem(from, to);
        int n = to - from;
        double[] daily = new double[n];
        double[] base = new double[n];
        p.daily(mh, ml, closeAtEod, daily);
        p.daily(0, 0, closeAtEod, base);
        int pos = 0;
        int neg = 0;
        int invalid = 0;
        int validCount = 0;
        for (int t = from; t < to; t++) {
            if (direction[t] > 0) {
                pos++;
            } else if (direction[t] < 0) {
                neg++;
            }
            if (valid[t]) {
                validCount++;
            } else {
                invalid++;
            }
        }
        BlendedTotals totals = BlendedTotals.of(base, daily, n, periodsPerYear);
        int sumW = pos - neg;
        String side = pos > 0 && neg == 0 ? "buy" : neg > 0 && pos == 0 ? "sell"
                : sumW > 0 ? "buy" : sumW < 0 ? "sell" : "neutral";
        double bias = pos + neg == 0 ? 0 : (double) sumW / (pos + neg);
        double turnover = 0;
        for (double d : daily) {
            turnover += Math.abs(d);
        }
        turnover = n == 0 ? 0 : turnover / n;
        return new MaxDiffResult(closeAtEod, mh, ml, totals.baseSum(), totals.optSum(), daily, base, totals.total(),
                totals.sharpe(), totals.avgDaily(), pos, neg, invalid, validCount, side, bias, turnover);
    }
}
