package sextant.alpaca.fake;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic daily bars per symbol: a random walk seeded by the symbol, from 2015-01-01 to 2031-12-31.
 * Stocks trade Monday to Friday; crypto every day. The same symbol and day always give the same bar.
 */
final class SyntheticBars {
    static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
    static final LocalDate LAST = LocalDate.of(2031, 12, 31);

    record Bar(LocalDate day, double open, double high, double low, double close, double volume) {
    }

    private final Map<String, List<Bar>> cache = new ConcurrentHashMap<>();

    List<Bar> bars(String symbol, boolean crypto) {
        return cache.computeIfAbsent(symbol + (crypto ? "#c" : "#s"), k -> generate(symbol, crypto));
    }

    private static List<Bar> generate(String symbol, boolean crypto) {
        java.util.Random r = new java.util.Random(symbol.hashCode() * 31L + (crypto ? 7 : 3));
        double price = crypto ? 20 + r.nextInt(2000) : 10 + r.nextInt(300);
        if (symbol.startsWith("BTC")) {
            price = 30_000;
        }
        List<Bar> out = new ArrayList<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!crypto && weekend) {
                continue;
            }
            double open = price;
            double close = Math.max(0.5, open * Math.exp(r.nextGaussian() * 0.02));
            double high = Math.max(open, close) * (1 + Math.abs(r.nextGaussian()) * 0.01);
            double low = Math.min(open, close) * (1 - Math.abs(r.nextGaussian()) * 0.01);
            out.add(new Bar(d, round(open), round(Math.max(high, Math.max(open, close))), round(Math.min(low, Math.min(open, close))),
                    round(close), 1_000 + r.nextInt(1_000_000)));
            price = close;
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
