package sextant.forecast;

/**
 * Exponentially weighted mean of the true range, {@code (max(H_s, C_{s-1}) - min(L_s, C_{s-1})) / C_{s-1}}: a
 * daily volatility scale that sees intraday range and overnight gaps, which is what drives next-bar high and
 * low excursions. It is recomputed from the first bar of each context so a forecast depends on its context
 * bars only (cacheable, and identical whether contexts are batched or not).
 */
final class TrueRangeVolatility {
    /** Floor that keeps standardisation finite on flat (constant-price) histories. */
    static final double FLOOR = 1e-8;

    private TrueRangeVolatility() {
    }

    /** Weight of the newest observation for a half-life in bars. */
    static double alpha(double halfLife) {
        return 1.0 - Math.pow(0.5, 1.0 / halfLife);
    }

    /** The true range of bar s relative to the previous close; requires s >= 1. */
    static double trueRange(double[] c, double[] h, double[] l, int s) {
        double prev = c[s - 1];
        return (Math.max(h[s], prev) - Math.min(l[s], prev)) / prev;
    }

    /**
     * Writes the volatility after bar s to {@code out[s - from]} for every s in {@code [from + 1, to)}; the
     * first bar of the context has no previous close, so {@code out[0]} is left untouched.
     */
    static void fill(double[] c, double[] h, double[] l, int from, int to, double alpha, double[] out) {
        fill(c, h, l, from, to, alpha, 0.0, out);
    }

    /** As above; a positive {@code clip} caps each true range at {@code clip} times the running volatility. */
    static void fill(double[] c, double[] h, double[] l, int from, int to, double alpha, double clip, double[] out) {
        double v = 0;
        for (int s = from + 1; s < to; s++) {
            double tr = trueRange(c, h, l, s);
            if (clip > 0 && s > from + 1) {
                tr = Math.min(tr, clip * v);
            }
            v = s == from + 1 ? tr : v + alpha * (tr - v);
            out[s - from] = Math.max(v, FLOOR);
        }
    }
}
