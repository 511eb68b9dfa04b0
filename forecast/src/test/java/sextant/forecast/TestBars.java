package sextant.forecast;

import java.util.Random;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;

/** Seeded random daily bars with realistic shape (volatility clustering, gaps, valid OHLC). */
final class TestBars {
    private TestBars() {
    }

    static BarSeries random(String symbol, int n, long seed) {
        Random rnd = new Random(seed);
        int[] days = new int[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = 50 + 100 * rnd.nextDouble();
        double vol = 0.02;
        for (int i = 0; i < n; i++) {
            days[i] = 18000 + i;
            vol = Math.max(0.005, Math.min(0.08, vol * Math.exp(0.15 * rnd.nextGaussian())));
            double open = price * (1 + 0.3 * vol * rnd.nextGaussian());
            double close = open * (1 + vol * rnd.nextGaussian());
            double top = Math.max(open, close);
            double bottom = Math.min(open, close);
            o[i] = open;
            c[i] = close;
            h[i] = top * (1 + Math.abs(0.5 * vol * rnd.nextGaussian()));
            l[i] = bottom * (1 - Math.abs(0.5 * vol * rnd.nextGaussian()));
            v[i] = 1e6 * rnd.nextDouble();
            price = close;
        }
        return BarSeries.of(Instrument.stock(symbol), days, o, h, l, c, v);
    }

    /** A copy of {@code b} whose bars from index {@code from} on are replaced by unrelated random bars. */
    static BarSeries withFutureReplaced(BarSeries b, int from, long seed) {
        BarSeries other = random(b.symbol(), b.size(), seed);
        int n = b.size();
        double[] o = b.open().clone();
        double[] h = b.high().clone();
        double[] l = b.low().clone();
        double[] c = b.close().clone();
        double[] v = b.volume().clone();
        for (int i = from; i < n; i++) {
            o[i] = other.open()[i];
            h[i] = other.high()[i];
            l[i] = other.low()[i];
            c[i] = other.close()[i];
            v[i] = other.volume()[i];
        }
        return BarSeries.of(b.instrument(), b.epochDays().clone(), o, h, l, c, v);
    }

    /** A copy of {@code b} with bar {@code k} scaled by {@code factor} (a corrected or revised bar). */
    static BarSeries withBarScaled(BarSeries b, int k, double factor) {
        double[] o = b.open().clone();
        double[] h = b.high().clone();
        double[] l = b.low().clone();
        double[] c = b.close().clone();
        o[k] *= factor;
        h[k] *= factor;
        l[k] *= factor;
        c[k] *= factor;
        return BarSeries.of(b.instrument(), b.epochDays().clone(), o, h, l, c, b.volume().clone());
    }
}
