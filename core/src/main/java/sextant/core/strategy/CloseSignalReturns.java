package sextant.core.strategy;

/**
 * The original's cost model for close-signal strategies ({@code evaluate_strategy}, anchor-spec §5.4.1): with
 * {@code s_0 = 0}, {@code cost_i = |s_i - s_{i-1}| * (fee' + |1 - S| / 2)} (0 when the position does not change),
 * where {@code fee' = 0.523 * fee} when the path holds long, short and flat days, else {@code fee};
 * {@code r_i = s_i * a_i - cost_i}.
 */
public final class CloseSignalReturns {
    /** The original's fee discount for paths that mix long, short and flat days. */
    public static final double MIXED_PATH_FEE_FACTOR = 0.523;

    private CloseSignalReturns() {
    }

    /**
     * Daily returns of trading {@code signals} at the close.
     *
     * @param signals positions, {@code signals[0 .. n)}
     * @param actual  realised returns {@code actual[from .. from+n)} of the days the signals trade
     * @param spread  ask/bid ratio S (1 = no spread cost)
     * @param out     daily returns into {@code out[0 .. n)}
     */
    public static void daily(double[] signals, int n, double[] actual, int from, double fee, double spread, double[] out) {
        boolean longs = false;
        boolean shorts = false;
        boolean flats = false;
        for (int i = 0; i < n; i++) {
            longs |= signals[i] > 0;
            shorts |= signals[i] < 0;
            flats |= signals[i] == 0;
        }
        double f = longs && shorts && flats ? MIXED_PATH_FEE_FACTOR * fee : fee;
        double unitCost = f + Math.abs(1 - spread) / 2;
        double prev = 0;
        for (int i = 0; i < n; i++) {
            double s = signals[i];
            double cost = s == prev ? 0 : Math.abs(s - prev) * unitCost;
            out[i] = s * actual[from + i] - cost;
            prev = s;
        }
    }

    /** Product of (1 + r) minus 1: the original's reported total for these strategies. */
    public static double compounded(double[] r, int n) {
        double g = 1;
        for (int i = 0; i < n; i++) {
            g *= 1 + r[i];
        }
        return g - 1;
    }
}
