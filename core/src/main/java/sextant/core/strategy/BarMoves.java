package sextant.core.strategy;

/**
 * The conservative fill model's view of each bar: its open, high, low and close as returns relative to the
 * previous close {@code C_{t-1}} (the price every order of bar t is quoted from), and the next bar's open, high,
 * low and close relative to the same {@code C_{t-1}}, for a position carried over. Index t as in
 * {@link BandSeries}; NaN where a bar does not exist.
 *
 * <p>Immutable; arrays are shared, never copied.
 */
public final class BarMoves {
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] nextOpen;
    final double[] nextHigh;
    final double[] nextLow;
    final double[] nextClose;

    private BarMoves(int len) {
        open = nan(len);
        high = nan(len);
        low = nan(len);
        close = nan(len);
        nextOpen = nan(len);
        nextHigh = nan(len);
        nextLow = nan(len);
        nextClose = nan(len);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Moves of N bars (arrays of length N+1, index N the not yet existing next bar). */
    public static BarMoves of(double[] o, double[] h, double[] l, double[] c) {
        int n = c.length;
        if (o.length != n || h.length != n || l.length != n) {
            throw new IllegalArgumentException("open/high/low/close arrays differ in length");
        }
        BarMoves m = new BarMoves(n + 1);
        for (int t = 1; t < n; t++) {
            double pc = c[t - 1];
            m.open[t] = o[t] / pc - 1;
            m.high[t] = h[t] / pc - 1;
            m.low[t] = l[t] / pc - 1;
            m.close[t] = c[t] / pc - 1;
            if (t + 1 < n) {
                m.nextOpen[t] = o[t + 1] / pc - 1;
                m.nextHigh[t] = h[t + 1] / pc - 1;
                m.nextLow[t] = l[t + 1] / pc - 1;
                m.nextClose[t] = c[t + 1] / pc - 1;
            }
        }
        return m;
    }

    public double open(int t) {
        return open[t];
    }

    public double high(int t) {
        return high[t];
    }

    public double low(int t) {
        return low[t];
    }

    public double close(int t) {
        return close[t];
    }

    public double nextOpen(int t) {
        return nextOpen[t];
    }

    public double nextHigh(int t) {
        return nextHigh[t];
    }

    public double nextLow(int t) {
        return nextLow[t];
    }

    public double nextClose(int t) {
        return nextClose[t];
    }
}
