package sextant.core.strategy;

/**
 * Signal paths of the original's close-signal strategies (anchor-spec §5.4.1). Each writes one position in
 * {-1, 0, +1} per day into {@code out[0 .. n)} from forecasts {@code f[from .. from+n)}.
 */
public final class CloseSignals {
    private CloseSignals() {
    }

    /** simple: stock +1 if f &gt; 0 else -1 (f = 0 gives -1); crypto 1 if f &gt; 0 else 0. */
    public static void simple(double[] f, int from, int n, boolean crypto, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = f[from + i] > 0 ? 1 : (crypto ? 0 : -1);
        }
    }

    /** all_signals: +1 if close, high and low forecasts are all &gt; 0; -1 if all &lt; 0 (stocks only); else 0. */
    public static void allSignals(double[] fc, double[] fh, double[] fl, int from, int n, boolean crypto, double[] out) {
        for (int i = 0; i < n; i++) {
            int t = from + i;
            if (fc[t] > 0 && fh[t] > 0 && fl[t] > 0) {
                out[i] = 1;
            } else if (!crypto && fc[t] < 0 && fh[t] < 0 && fl[t] < 0) {
                out[i] = -1;
            } else {
                out[i] = 0;
            }
        }
    }

    /** buy_hold: 1 if f &gt; 0 else 0. */
    public static void buyHold(double[] f, int from, int n, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = f[from + i] > 0 ? 1 : 0;
        }
    }

    /**
     * unprofit_shutdown: day 1 is long; afterwards, if yesterday's position was not flat, trade sign(f) only if
     * yesterday's forecast sign matched yesterday's realised sign, else stay flat; after a flat day re-enter with
     * sign(f). The path is built as for a stock; crypto then maps -1 to 0 (which is how the original's crypto
     * reference case [1, 1, 0, 0, 1] arises).
     *
     * @param actual realised returns paired with the forecasts (same indexing as {@code f})
     */
    public static void unprofitShutdown(double[] f, double[] actual, int from, int n, boolean crypto, double[] out) {
        double prev = 0;
        for (int i = 0; i < n; i++) {
            int t = from + i;
            double s;
            if (i == 0) {
                s = 1;
            } else if (prev != 0) {
                s = Math.signum(f[t - 1]) == Math.signum(actual[t - 1]) ? Math.signum(f[t]) : 0;
            } else {
                s = Math.signum(f[t]);
            }
            prev = s;
            out[i] = s;
        }
        if (crypto) {
            for (int i = 0; i < n; i++) {
                if (out[i] < 0) {
                    out[i] = 0;
                }
            }
        }
    }
}
