package sextant.core.market;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Daily OHLCV bars of one instrument, oldest first, held as parallel primitive arrays so that the
 * strategy math can run over {@code double[]} without boxing. Instances are immutable: the arrays
 * handed out by the accessors are shared, never copied, and must not be written to.
 *
 * <p>Invariants (checked on construction): dates strictly increase; every price is finite and
 * &gt; 0; high &ge; max(open, close) and low &le; min(open, close); volume is finite and &ge; 0.
 */
public final class BarSeries {
    private final Instrument instrument;
    private final int[] epochDays;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;

    private BarSeries(Instrument instrument, int[] epochDays, double[] open, double[] high, double[] low,
                      double[] close, double[] volume) {
        this.instrument = instrument;
        this.epochDays = epochDays;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    /**
     * Builds a series after validating it. The arrays are taken over (not copied).
     *
     * @throws InvalidBarsException naming the symbol, the date and the broken rule
     */
    public static BarSeries of(Instrument instrument, int[] epochDays, double[] open, double[] high, double[] low,
                               double[] close, double[] volume) {
        int n = epochDays.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new InvalidBarsException(instrument.symbol() + ": OHLCV arrays differ in length");
        }
        for (int i = 0; i < n; i++) {
            String where = instrument.symbol() + " " + LocalDate.ofEpochDay(epochDays[i]);
            if (i > 0 && epochDays[i] <= epochDays[i - 1]) {
                throw new InvalidBarsException(where + ": dates must strictly increase (duplicate or out of order after "
                        + LocalDate.ofEpochDay(epochDays[i - 1]) + ")");
            }
            checkPrice(where, "open", open[i]);
            checkPrice(where, "high", high[i]);
            checkPrice(where, "low", low[i]);
            checkPrice(where, "close", close[i]);
            if (!Double.isFinite(volume[i]) || volume[i] < 0) {
                throw new InvalidBarsException(where + ": volume " + volume[i] + " is not a finite number >= 0");
            }
            double top = Math.max(open[i], close[i]);
            double bottom = Math.min(open[i], close[i]);
            if (high[i] < top || low[i] > bottom) {
                throw new InvalidBarsException(where + ": high/low do not bracket open/close (o=" + open[i] + " h=" + high[i]
                        + " l=" + low[i] + " c=" + close[i] + ")");
            }
        }
        return new BarSeries(instrument, epochDays, open, high, low, close, volume);
    }

    private static void checkPrice(String where, String field, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new InvalidBarsException(where + ": " + field + " price " + v + " is not a finite number > 0");
        }
    }

    /** Collects bars one at a time (oldest first) into growing primitive arrays; {@link Builder#build()} validates. */
    public static Builder builder(Instrument instrument) {
        return new Builder(instrument);
    }

    public static final class Builder {
        private final Instrument instrument;
        private int n;
        private int[] days = new int[64];
        private double[] open = new double[64];
        private double[] high = new double[64];
        private double[] low = new double[64];
        private double[] close = new double[64];
        private double[] volume = new double[64];

        private Builder(Instrument instrument) {
            this.instrument = instrument;
        }

        public Builder add(int epochDay, double o, double h, double l, double c, double v) {
            if (n == days.length) {
                int cap = n * 2;
                days = Arrays.copyOf(days, cap);
                open = Arrays.copyOf(open, cap);
                high = Arrays.copyOf(high, cap);
                low = Arrays.copyOf(low, cap);
                close = Arrays.copyOf(close, cap);
                volume = Arrays.copyOf(volume, cap);
            }
            days[n] = epochDay;
            open[n] = o;
            high[n] = h;
            low[n] = l;
            close[n] = c;
            volume[n] = v;
            n++;
            return this;
        }

        public int size() {
            return n;
        }

        /** The series; throws {@link InvalidBarsException} like {@link BarSeries#of}. */
        public BarSeries build() {
            return of(instrument, Arrays.copyOf(days, n), Arrays.copyOf(open, n), Arrays.copyOf(high, n),
                    Arrays.copyOf(low, n), Arrays.copyOf(close, n), Arrays.copyOf(volume, n));
        }
    }

    public static BarSeries empty(Instrument instrument) {
        return new BarSeries(instrument, new int[0], new double[0], new double[0], new double[0], new double[0], new double[0]);
    }

    public Instrument instrument() {
        return instrument;
    }

    public String symbol() {
        return instrument.symbol();
    }

    public int size() {
        return epochDays.length;
    }

    public boolean isEmpty() {
        return epochDays.length == 0;
    }

    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(epochDays[i]);
    }

    public LocalDate lastDate() {
        return date(size() - 1);
    }

    public int[] epochDays() {
        return epochDays;
    }

    public double[] open() {
        return open;
    }

    public double[] high() {
        return high;
    }

    public double[] low() {
        return low;
    }

    public double[] close() {
        return close;
    }

    public double[] volume() {
        return volume;
    }

    /** The first {@code n} bars (a view for "history up to bar n-1"; copies the arrays). */
    public BarSeries head(int n) {
        if (n < 0 || n > size()) {
            throw new IndexOutOfBoundsException("head(" + n + ") of " + size() + " bars");
        }
        return slice(0, n);
    }

    /** Bars {@code [from, to)}. */
    public BarSeries slice(int from, int to) {
        return new BarSeries(instrument, Arrays.copyOfRange(epochDays, from, to), Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to), Arrays.copyOfRange(volume, from, to));
    }

    /** Index of the first bar on or after {@code day}, or {@code size()} if none. */
    public int indexOnOrAfter(LocalDate day) {
        int key = (int) day.toEpochDay();
        int i = Arrays.binarySearch(epochDays, key);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public String toString() {
        return "BarSeries[" + instrument + ", " + size() + " bars" + (isEmpty() ? "" : ", " + date(0) + ".." + lastDate()) + "]";
    }
}
