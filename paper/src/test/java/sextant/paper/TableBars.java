package sextant.paper;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.port.MarketData;

/** Market data from bars a test writes down, per symbol; every symbol not added has none. */
final class TableBars implements MarketData {
    private final Map<String, BarSeries.Builder> rows = new HashMap<>();

    /** Adds a bar dated {@code day} to {@code instrument}'s series (dates in increasing order). */
    TableBars add(Instrument instrument, LocalDate day, double open, double high, double low, double close) {
        rows.computeIfAbsent(instrument.symbol(), s -> BarSeries.builder(instrument))
                .add((int) day.toEpochDay(), open, high, low, close, 1);
        return this;
    }

    @Override
    public BarSeries dailyBars(Instrument i, LocalDate from, LocalDate to) {
        BarSeries.Builder b = rows.get(i.symbol());
        if (b == null) {
            return BarSeries.empty(i);
        }
        BarSeries all = b.build();
        return all.slice(all.indexOnOrAfter(from), all.indexOnOrAfter(to.plusDays(1)));
    }

    @Override
    public String describe() {
        return "table";
    }
}
