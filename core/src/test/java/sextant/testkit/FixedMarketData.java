package sextant.testkit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.port.MarketData;

/**
 * Market data with the same few hand-written bars (volume 1) for every instrument, cut to the range asked for, so a
 * test can state which bar fills which order. Subclass it to make one symbol fail.
 */
public class FixedMarketData implements MarketData {
    private final int[] days;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;

    public FixedMarketData(List<LocalDate> days, double[] open, double[] high, double[] low, double[] close) {
        this.days = days.stream().mapToInt(d -> (int) d.toEpochDay()).toArray();
        this.open = open.clone();
        this.high = high.clone();
        this.low = low.clone();
        this.close = close.clone();
    }

    @Override
    public BarSeries dailyBars(Instrument i, LocalDate from, LocalDate to) {
        double[] volume = new double[days.length];
        Arrays.fill(volume, 1);
        BarSeries all = BarSeries.of(i, days.clone(), open.clone(), high.clone(), low.clone(), close.clone(), volume);
        return all.slice(all.indexOnOrAfter(from), all.indexOnOrAfter(to.plusDays(1)));
    }

    @Override
    public String describe() {
        return "fixed";
    }
}
