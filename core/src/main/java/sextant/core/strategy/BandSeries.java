package sextant.core.strategy;

import org.jspecify.annotations.Nullable;
import sextant.core.backtest.ForecastPath;
import sextant.core.market.BarSeries;

/**
 * Per-bar inputs of every strategy, computed once per symbol so that windows are plain index ranges.
 * Index t is bar t (oldest first); bar t is judged against bar t-1, so index 0 is never evaluated. With N bars the
 * arrays have length N+1: index N is the next, not yet existing bar (forecast-derived fields only; realised fields
 * are NaN there).
 *
 * <p>Definitions (anchor-spec §5.4.4): previous-bar gaps {@code gH_t = |1 - H_{t-1}/C_{t-1}|},
 * {@code gL_t = |1 - L_{t-1}/C_{t-1}|}; realised one-bar changes {@code rC_t = C_t/C_{t-1} - 1},
 * {@code rH_t = H_t/H_{t-1} - 1}, {@code rL_t = L_t/L_{t-1} - 1}; MaxDiff actuals {@code CA = rC},
 * {@code HA = rH + gH}, {@code LA = rL - gL}; predicted band {@code HP = fH + gH}, {@code LP = fL - gL}.
 * A bar is {@link #usable(int) usable} when its forecasts are finite (and, for t &lt; N, it has realised values).
 *
 * <p>The arrays are shared, never copied: do not write to them.
 */
public final class BandSeries {
    private final int bars;
    private final double[] close;
    private final double[] high;
    private final double[] low;
    private final double[] fClose;
    private final double[] fHigh;
    private final double[] fLow;
    private final double[] ca;
    private final double[] ha;
    private final double[] la;
    private final double[] rh;
    private final double[] rl;
    private final double[] hp;
    private final double[] lp;
    private final boolean[] usable;
    private final @Nullable BarMoves moves;

    private BandSeries(@Nullable BarMoves moves, double[] close, double[] high, double[] low, double[] fClose, double[] fHigh, double[] fLow) {
        int n = close.length;
        this.bars = n;
        this.moves = moves;
        this.close = close;
        this.high = high;
        this.low = low;
        this.fClose = fClose;
        this.fHigh = fHigh;
        this.fLow = fLow;
        int len = n + 1;
        ca = new double[len];
        ha = new double[len];
        la = new double[len];
        rh = new double[len];
        rl = new double[len];
        hp = new double[len];
        lp = new double[len];
        usable = new boolean[len];
        ca[0] = ha[0] = la[0] = rh[0] = rl[0] = hp[0] = lp[0] = Double.NaN;
        for (int t = 1; t <= n; t++) {
            double pc = close[t - 1];
            double gH = Math.abs(1 - high[t - 1] / pc);
            double gL = Math.abs(1 - low[t - 1] / pc);
            double fh = t < fHigh.length ? fHigh[t] : Double.NaN;
            double fl = t < fLow.length ? fLow[t] : Double.NaN;
            double fc = t < fClose.length ? fClose[t] : Double.NaN;
            hp[t] = fh + gH;
            lp[t] = fl - gL;
            boolean forecastOk = Double.isFinite(fh) && Double.isFinite(fl) && Double.isFinite(fc);
            if (t < n) {
                ca[t] = close[t] / pc - 1;
                rh[t] = high[t] / high[t - 1] - 1;
                rl[t] = low[t] / low[t - 1] - 1;
                ha[t] = rh[t] + gH;
                la[t] = rl[t] - gL;
                usable[t] = forecastOk;
            } else {
                ca[t] = ha[t] = la[t] = rh[t] = rl[t] = Double.NaN;
                usable[t] = forecastOk;
            }
        }
    }

    /**
     * A series from closes, highs and lows alone (no bar moves, so the original fill model only).
     *
     * @param close  closes, oldest first (N bars)
     * @param fClose forecasts of the one-bar close change, indexed like the bars; length N or N+1 (element N =
     *               next bar). Element t is the forecast of bar t. NaN = not computed.
     */
    public static BandSeries of(double[] close, double[] high, double[] low, double[] fClose, double[] fHigh,
                                double[] fLow) {
        check(close, high, low, fClose, fHigh, fLow);
        return new BandSeries(null, close, high, low, fClose, fHigh, fLow);
    }

    private static void check(double[] close, double[] high, double[] low, double[] fClose, double[] fHigh,
                              double[] fLow) {
        int n = close.length;
        if (high.length != n || low.length != n) {
            throw new IllegalArgumentException("close/high/low arrays differ in length");
        }
        if (fClose.length != fHigh.length || fClose.length != fLow.length || fClose.length < n
                || fClose.length > n + 1) {
            throw new IllegalArgumentException("forecast arrays must all have length " + n + " or " + (n + 1)
                    + " (got " + fClose.length + "/" + fHigh.length + "/" + fLow.length + ")");
        }
    }

    public static BandSeries of(BarSeries bars, ForecastPath f) {
        if (f.length() != bars.size() + 1) {
            throw new IllegalArgumentException(bars.symbol() + ": forecast path has " + f.length()
                    + " elements, expected bars + 1 = " + (bars.size() + 1));
        }
        check(bars.close(), bars.high(), bars.low(), f.close(), f.high(), f.low());
        return new BandSeries(BarMoves.of(bars.open(), bars.high(), bars.low(), bars.close()), bars.close(), bars.high(),
                bars.low(), f.close(), f.high(), f.low());
    }

    /**
     * The bars' real moves for the conservative fill model; null for a series built from closes, highs and lows
     * alone (the parity cases), which only the original fill model can evaluate.
     */
    public @Nullable BarMoves moves() {
        return moves;
    }

    /** Number of bars N (arrays have length N+1). */
    public int bars() {
        return bars;
    }

    public boolean usable(int t) {
        return usable[t];
    }

    /** Whether every bar in [from, to) is usable. */
    public boolean usable(int from, int to) {
        if (from < 1 || to > bars + 1) {
            return false;
        }
        for (int t = from; t < to; t++) {
            if (!usable[t]) {
                return false;
            }
        }
        return true;
    }

    public double[] closeActual() {
        return ca;
    }

    public double[] highActual() {
        return ha;
    }

    public double[] lowActual() {
        return la;
    }

    /** Raw realised high change H_t/H_{t-1} - 1 (no gap adjustment). */
    public double[] highChange() {
        return rh;
    }

    /** Raw realised low change L_t/L_{t-1} - 1 (no gap adjustment). */
    public double[] lowChange() {
        return rl;
    }

    public double[] highPredicted() {
        return hp;
    }

    public double[] lowPredicted() {
        return lp;
    }

    public double forecastClose(int t) {
        return t < fClose.length ? fClose[t] : Double.NaN;
    }

    public double forecastHigh(int t) {
        return t < fHigh.length ? fHigh[t] : Double.NaN;
    }

    public double forecastLow(int t) {
        return t < fLow.length ? fLow[t] : Double.NaN;
    }

    public double close(int t) {
        return close[t];
    }

    public double high(int t) {
        return high[t];
    }

    public double low(int t) {
        return low[t];
    }
}
