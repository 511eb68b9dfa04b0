package sextant.core.strategy;

/**
 * The original's raw-forecast limit strategies over one window: {@code entry_takeprofit} ("takeprofit",
 * anchor-spec §5.4.2) and {@code highlow} (§5.4.3). Inputs are one-bar changes: forecasts {@code fc, fh, fl} and
 * the same bar's realised {@code c, h, l} (no gap adjustment). Days whose inputs are not finite are flat and
 * reset the side memory.
 *
 * <p>Fees: when the side differs from the previous day, pay {@code fee} to open plus {@code fee} to close the old
 * side (if any).
 */
public final class LimitStrategies {
    private LimitStrategies() {
    }

    /**
     * takeprofit: long when {@code fc > 0}: earn {@code fh} if {@code h >= fh} else {@code c}; otherwise short (also
     * for crypto, as the original): earn {@code -fl} if {@code l <= fl} else {@code -c}. Never flat.
     *
     * @return the number of days with a position
     */
    public static int takeProfit(double[] fc, double[] fh, double[] fl, double[] c, double[] h, double[] l, int from,
                                 int n, double fee, double[] out) {
        int prevSide = 0;
        int trades = 0;
        for (int i = 0; i < n; i++) {
            int t = from + i;
            if (!finite(fc[t], fh[t], fl[t], c[t], h[t], l[t])) {
                out[i] = 0;
                prevSide = 0;
                continue;
            }
            int side = fc[t] > 0 ? 1 : -1;
            double r = side > 0 ? (h[t] >= fh[t] ? fh[t] : c[t]) : (l[t] <= fl[t] ? -fl[t] : -c[t]);
            out[i] = r - switchFee(prevSide, side, fee);
            prevSide = side;
            trades++;
        }
        return trades;
    }

    /**
     * highlow: when {@code fc > 0} buy at {@code fl} if {@code l <= fl} else at the close, earning
     * {@code c - entry}; when a stock has {@code fc < 0} sell at {@code fh} if {@code h >= fh} else at the close,
     * earning {@code entry - c}; otherwise flat (the side memory resets). Fees are charged even when the limit did
     * not fill (the day then earns {@code -fee}), as the original does.
     *
     * @return the number of days with a position
     */
    public static int highLow(double[] fc, double[] fh, double[] fl, double[] c, double[] h, double[] l, int from,
                              int n, boolean crypto, double fee, double[] out) {
        int prevSide = 0;
        int trades = 0;
        for (int i = 0; i < n; i++) {
            int t = from + i;
            int side = !finite(fc[t], fh[t], fl[t], c[t], h[t], l[t]) ? 0
                    : fc[t] > 0 ? 1 : (!crypto && fc[t] < 0 ? -1 : 0);
            if (side == 0) {
                out[i] = 0;
                prevSide = 0;
                continue;
            }
            double gain;
            if (side > 0) {
                double entry = l[t] <= fl[t] ? fl[t] : c[t];
                gain = c[t] - entry;
            } else {
                double entry = h[t] >= fh[t] ? fh[t] : c[t];
                gain = entry - c[t];
            }
            out[i] = gain - switchFee(prevSide, side, fee);
            prevSide = side;
            trades++;
        }
        return trades;
    }

    static double switchFee(int prevSide, int side, double fee) {
        if (side == prevSide) {
            return 0;
        }
        return prevSide == 0 ? fee : 2 * fee;
    }

    private static boolean finite(double a, double b, double c, double d, double e, double f) {
        return Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d)
                && Double.isFinite(e) && Double.isFinite(f);
    }
}
