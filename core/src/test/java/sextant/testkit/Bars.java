package sextant.testkit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import java.util.function.IntPredicate;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;

/**
 * The tests' bar generator: a seeded random walk (2 % daily moves, wicks of about 1 %, prices in cents) that always
 * gives valid OHLC bars, and copies of a series with chosen bars changed (a corrected bar, a tampered future).
 */
public final class Bars {
    /** 2019-04-13: where undated series start (any day works; a fixed one keeps them comparable). */
    static final int FIRST_UNDATED_DAY = 18_000;

    private Bars() {
    }

    /** {@code n} bars of the stock {@code symbol} on consecutive days; the same seed always gives the same bars. */
    public static BarSeries random(String symbol, int n, long seed) {
        Random r = new Random(seed);
        BarSeries.Builder b = BarSeries.builder(Instrument.stock(symbol));
        double price = startPrice(symbol, false, r);
        for (int i = 0; i < n; i++) {
            price = step(b, FIRST_UNDATED_DAY + i, price, r);
        }
        return b.build();
    }

    /**
     * Bars of {@code symbol} (an exchange's spelling, such as {@code BTC/USD}) from {@code first} to {@code last}:
     * Monday to Friday for a stock, every day for crypto. Seeded by the symbol and kind, so a symbol and day always
     * give the same bar, whatever range is asked for.
     */
    public static BarSeries sessions(String symbol, boolean crypto, LocalDate first, LocalDate last) {
        Random r = new Random(symbol.hashCode() * 31L + (crypto ? 7 : 3));
        String internal = symbol.replace("/", "");
        BarSeries.Builder b = BarSeries.builder(crypto ? Instrument.crypto(internal) : Instrument.stock(internal));
        double price = startPrice(symbol, crypto, r);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (crypto || (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)) {
                price = step(b, (int) d.toEpochDay(), price, r);
            }
        }
        return b.build();
    }

    private static double startPrice(String symbol, boolean crypto, Random r) {
        double price = crypto ? 20 + r.nextInt(2000) : 10 + r.nextInt(300);
        return symbol.startsWith("BTC") ? 30_000 : price;
    }

    /** Adds one bar that opens at {@code price}; returns its close, where the next bar opens. */
    private static double step(BarSeries.Builder b, int day, double price, Random r) {
        double open = price;
        double close = Math.max(0.5, open * Math.exp(r.nextGaussian() * 0.02));
        double high = Math.max(open, close) * (1 + Math.abs(r.nextGaussian()) * 0.01);
        double low = Math.min(open, close) * (1 - Math.abs(r.nextGaussian()) * 0.01);
        b.add(day, cents(open), cents(Math.max(high, Math.max(open, close))), cents(Math.min(low, Math.min(open, close))),
                cents(close), 1_000 + r.nextInt(1_000_000));
        return close;
    }

    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A copy of {@code b} with the prices of the bars {@code which} accepts multiplied by {@code factor}. */
    public static BarSeries scaled(BarSeries b, IntPredicate which, double factor) {
        double[] o = b.open().clone();
        double[] h = b.high().clone();
        double[] l = b.low().clone();
        double[] c = b.close().clone();
        for (int i = 0; i < b.size(); i++) {
            if (which.test(i)) {
                o[i] *= factor;
                h[i] *= factor;
                l[i] *= factor;
                c[i] *= factor;
            }
        }
        return BarSeries.of(b.instrument(), b.epochDays().clone(), o, h, l, c, b.volume().clone());
    }

    /** A copy of {@code b} whose bars from index {@code from} on come from an unrelated series of seed {@code seed}. */
    public static BarSeries withFutureReplaced(BarSeries b, int from, long seed) {
        BarSeries other = random(b.symbol(), b.size(), seed);
        BarSeries.Builder out = BarSeries.builder(b.instrument());
        for (int i = 0; i < b.size(); i++) {
            BarSeries src = i < from ? b : other;
            out.add(b.epochDays()[i], src.open()[i], src.high()[i], src.low()[i], src.close()[i], src.volume()[i]);
        }
        return out.build();
    }
}
