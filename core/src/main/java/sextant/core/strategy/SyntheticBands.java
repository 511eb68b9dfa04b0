package sextant.core.strategy;

import java.util.SplittableRandom;

/**
 * Deterministic, realistic-looking daily bars and forecasts for benchmarks and tests (no market data needed):
 * GARCH(1,1) close returns with Student-t(4) innovations, intraday ranges scaled by the current volatility, and
 * forecasts that are noisy, shrunk versions of the realised one-bar changes (so the strategies see a weak but real
 * signal). Same seed, same series.
 */
public final class SyntheticBands {
    private SyntheticBands() {
    }

    /** Prices and forecasts of one synthetic symbol; forecasts have length bars + 1 (last = next bar). */
    public record Series(double[] close, double[] high, double[] low, double[] fClose, double[] fHigh, double[] fLow) {
        public BandSeries bands() {
            return BandSeries.of(close, high, low, fClose, fHigh, fLow);
        }
    }

    public static Series generate(long seed, int bars) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] close = new double[bars];
        double[] high = new double[bars];
        double[] low = new double[bars];
        double omega = 2e-6;
        double alpha = 0.08;
        double beta = 0.90;
        double var = omega / (1 - alpha - beta);
        double price = 50 + 100 * rnd.nextDouble();
        double prevShock = 0;
        for (int t = 0; t < bars; t++) {
            var = omega + alpha * prevShock * prevShock + beta * var;
            double sigma = Math.sqrt(var);
            double shock = sigma * studentT4(rnd) / Math.sqrt(2); // t(4) has variance 2
            double open = price * (1 + 0.3 * sigma * gaussian(rnd));
            price = price * (1 + shock);
            double top = Math.max(open, price);
            double bottom = Math.min(open, price);
            high[t] = top * (1 + sigma * Math.abs(gaussian(rnd)) * 0.8);
            low[t] = bottom * (1 - sigma * Math.abs(gaussian(rnd)) * 0.8);
            close[t] = price;
            prevShock = shock;
        }
        double[] fc = new double[bars + 1];
        double[] fh = new double[bars + 1];
        double[] fl = new double[bars + 1];
        fc[0] = fh[0] = fl[0] = Double.NaN;
        for (int t = 1; t <= bars; t++) {
            double scale = Math.abs(close[t - 1] - close[Math.max(0, t - 2)]) / close[t - 1] + 0.005;
            if (t < bars) {
                fc[t] = 0.5 * (close[t] / close[t - 1] - 1) + scale * gaussian(rnd);
                fh[t] = 0.5 * (high[t] / high[t - 1] - 1) + scale * gaussian(rnd);
                fl[t] = 0.5 * (low[t] / low[t - 1] - 1) + scale * gaussian(rnd);
            } else {
                fc[t] = scale * gaussian(rnd);
                fh[t] = scale * gaussian(rnd);
                fl[t] = scale * gaussian(rnd);
            }
        }
        return new Series(close, high, low, fc, fh, fl);
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; one draw per call keeps the generator stateless.
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double studentT4(SplittableRandom rnd) {
        double z = gaussian(rnd);
        double chi = 0;
        for (int i = 0; i < 4; i++) {
            double g = gaussian(rnd);
            chi += g * g;
        }
        return z / Math.sqrt(chi / 4);
    }
}
