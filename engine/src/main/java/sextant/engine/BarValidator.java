package sextant.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sextant.core.market.BarSeries;
import sextant.core.market.DataFinding;
import sextant.core.market.DataRule;

/**
 * Checks one symbol's closed bars before they are forecast or traded. Pure: bars in, findings out. One rule per
 * check (see {@link DataRule}):
 * <ul>
 *   <li>{@code too-few-bars}: fewer than the backtest windows need;</li>
 *   <li>{@code stale}: no bar at all in the lookback, or the newest bar more than {@value #STALE_AFTER_DAYS}
 *       calendar days before the cycle date;</li>
 *   <li>{@code missing-sessions}: two consecutive bars more than {@value #MAX_STOCK_GAP_DAYS} calendar days apart
 *       for a stock (US exchanges have been closed for at most a week, September 2001) or more than
 *       {@value #MAX_CRYPTO_GAP_DAYS} for crypto (it trades every day);</li>
 *   <li>{@code outlier}: a bar whose largest excursion (a wick beyond the open and close, or the open or close
 *       against the previous close, in log terms) is both more than a factor of {@value #OUTLIER_MIN_FACTOR} and
 *       more than {@value #OUTLIER_SCALE_MULTIPLE} times the symbol's median daily range over the loaded window.
 *       Both must hold: a typo (a high times ten) does, while the largest real moves in the reference data (an 82 %
 *       biotech jump on 3 % median range, a crypto flash crash to a fifth on 5 % median range) do not.</li>
 * </ul>
 */
final class BarValidator {
    static final int STALE_AFTER_DAYS = 6;
    static final int MAX_STOCK_GAP_DAYS = 7;
    static final int MAX_CRYPTO_GAP_DAYS = 3;
    static final double OUTLIER_MIN_FACTOR = 3.0;
    static final double OUTLIER_SCALE_MULTIPLE = 40.0;

    private BarValidator() {
    }

    /** Every finding for {@code b}, loaded for a cycle on {@code asOf} from {@code from}. */
    static List<DataFinding> check(BarSeries b, LocalDate from, LocalDate asOf, int minBars) {
        List<DataFinding> out = new ArrayList<>();
        if (b.isEmpty()) {
            out.add(new DataFinding(b.instrument(), asOf, DataRule.STALE, "no bars between " + from + " and "
                    + asOf.minusDays(1) + " for a cycle on " + asOf + "; check --as-of (is it after the newest bar?) and"
                    + " the data source"));
            return out;
        }
        if (b.lastDate().isBefore(asOf.minusDays(STALE_AFTER_DAYS))) {
            out.add(new DataFinding(b.instrument(), b.lastDate(), DataRule.STALE, "newest bar is " + b.lastDate()
                    + " for a cycle on " + asOf + "; check the data source or pass --as-of"));
        }
        if (b.size() < minBars) {
            out.add(new DataFinding(b.instrument(), b.lastDate(), DataRule.TOO_FEW_BARS, "only " + b.size()
                    + " bars before " + asOf + " (need at least " + minBars + ")"));
        }
        // A gap would silently turn a multi-week move into one "one-bar" return in every forecast and backtest.
        int maxGap = b.instrument().isCrypto() ? MAX_CRYPTO_GAP_DAYS : MAX_STOCK_GAP_DAYS;
        int[] days = b.epochDays();
        for (int i = 1; i < days.length; i++) {
            if (days[i] - days[i - 1] > maxGap) {
                out.add(new DataFinding(b.instrument(), b.date(i), DataRule.MISSING_SESSIONS, "gap of "
                        + (days[i] - days[i - 1]) + " days between " + b.date(i - 1) + " and " + b.date(i) + " (more than "
                        + maxGap + "); fill the missing bars or shorten data.lookback-days"));
                break;
            }
        }
        outliers(b, out);
        return out;
    }

    private static void outliers(BarSeries b, List<DataFinding> out) {
        int n = b.size();
        if (n < 3) {
            return;
        }
        double[] o = b.open();
        double[] h = b.high();
        double[] l = b.low();
        double[] c = b.close();
        double[] ranges = new double[n];
        for (int i = 0; i < n; i++) {
            ranges[i] = Math.log(h[i] / l[i]);
        }
        double[] sorted = ranges.clone();
        Arrays.sort(sorted);
        double scale = sorted[n / 2];
        double limit = Math.max(Math.log(OUTLIER_MIN_FACTOR), OUTLIER_SCALE_MULTIPLE * scale);
        for (int i = 0; i < n; i++) {
            double top = Math.max(o[i], c[i]);
            double bottom = Math.min(o[i], c[i]);
            double wickUp = Math.log(h[i] / top);
            double wickDown = Math.log(bottom / l[i]);
            double move = i == 0 ? 0 : Math.max(Math.abs(Math.log(c[i] / c[i - 1])), Math.abs(Math.log(o[i] / c[i - 1])));
            double worst = Math.max(Math.max(wickUp, wickDown), move);
            if (worst > limit) {
                String what = worst == wickUp ? String.format(Locale.ROOT, "high %s is %.1fx the bar's open/close %s",
                        price(h[i]), h[i] / top, price(top))
                        : worst == wickDown ? String.format(Locale.ROOT, "low %s is 1/%.1f of the bar's open/close %s",
                        price(l[i]), bottom / l[i], price(bottom))
                        : String.format(Locale.ROOT, "close %s / open %s against the previous close %s", price(c[i]),
                        price(o[i]), price(c[i - 1]));
                out.add(new DataFinding(b.instrument(), b.date(i), DataRule.OUTLIER, String.format(Locale.ROOT,
                        "%s, %.0f times the median daily range (%.2f %%); check that bar in the source", what,
                        worst / scale, 100 * (Math.exp(scale) - 1))));
            }
        }
    }

    private static String price(double p) {
        return String.format(Locale.ROOT, "%.4f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
