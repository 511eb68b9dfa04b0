package sextant.paper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import sextant.core.calendar.Session;
import sextant.core.market.BarSeries;

/**
 * One session's daily bar as four points of a price path ({@code paper:daily-bar-path}): the open at the session
 * open, the first extreme at open + 1/3 of the session, the second at open + 2/3, and the close one minute before
 * the close, so that an order sent in the session's final minutes still meets the close. Which extreme comes first
 * is a {@link PathOrder}.
 */
final class SessionPath {
    static final int POINTS = 4;
    /** Index of the close point, where DAY orders that are still working expire. */
    static final int CLOSE = 3;

    private static final String[] POINT_NAMES = {"open", "first extreme", "second extreme", "close"};

    /** What point {@code point} of a session's path is, in words ({@code sextant status}). */
    static String pointName(int point) {
        return point >= 0 && point < POINTS ? POINT_NAMES[point] : "point " + point;
    }

    private final double[] price;
    private final Instant[] at;

    private SessionPath(double[] price, Instant[] at) {
        this.price = price;
        this.at = at;
    }

    /** The instants of a session's four points. */
    static Instant[] instants(Session s) {
        Duration third = s.length().dividedBy(3);
        return new Instant[] {s.open(), s.open().plus(third), s.open().plus(third.multipliedBy(2)),
            s.close().minus(Duration.ofMinutes(1))};
    }

    /** Bar {@code i} of {@code bars} as the path of session {@code s}, its extremes in {@code order}. */
    static SessionPath intraday(Session s, BarSeries bars, int i, PathOrder order) {
        return new SessionPath(prices(bars, i, order), instants(s));
    }

    /**
     * Bar {@code i} applied whole, as the daily broker does once the session is over: every point carries the end of
     * day stamp (20:00 UTC of the bar's date) its fills always had. The order of the extremes cannot change a fill
     * then (each order meets the whole path from the open), so it is not asked.
     */
    static SessionPath wholeDay(BarSeries bars, int i) {
        Instant eod = bars.date(i).atTime(20, 0).toInstant(ZoneOffset.UTC);
        return new SessionPath(prices(bars, i, PathOrder.HIGH_FIRST), new Instant[] {eod, eod, eod, eod});
    }

    private static double[] prices(BarSeries bars, int i, PathOrder order) {
        double first = order == PathOrder.HIGH_FIRST ? bars.high()[i] : bars.low()[i];
        double second = order == PathOrder.HIGH_FIRST ? bars.low()[i] : bars.high()[i];
        return new double[] {bars.open()[i], first, second, bars.close()[i]};
    }

    double price(int point) {
        return price[point];
    }

    Instant at(int point) {
        return at[point];
    }

    /** The first point strictly after {@code t} (an order is eligible only for those); {@link #POINTS} if none. */
    int firstAfter(Instant t) {
        int j = 0;
        while (j < POINTS && !at[j].isAfter(t)) {
            j++;
        }
        return j;
    }
}
