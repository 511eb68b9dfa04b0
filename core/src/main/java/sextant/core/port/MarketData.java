package sextant.core.port;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sextant.core.market.BarSeries;
import sextant.core.market.DataFinding;
import sextant.core.market.Instrument;
import sextant.core.market.Quote;

/**
 * Port: where daily bars and quotes come from (CSV directory, synthetic market, Alpaca, SQLite cache).
 * Implementations return closed daily bars only, oldest first.
 */
public interface MarketData {

    /**
     * Daily bars with {@code from <= date <= to}. An instrument with no data in range gives an empty series.
     *
     * @throws MarketDataException naming the symbol (and file/line or HTTP status where relevant)
     */
    BarSeries dailyBars(Instrument instrument, LocalDate from, LocalDate to);

    /**
     * Bars of many instruments with the same range; every requested instrument is a key of the result. Sources that
     * fetch many symbols per request (Alpaca) override this and {@link #fetchesInBatches()}.
     */
    default Map<Instrument, BarSeries> dailyBars(List<Instrument> instruments, LocalDate from, LocalDate to) {
        Map<Instrument, BarSeries> out = new LinkedHashMap<>();
        for (Instrument i : instruments) {
            out.put(i, dailyBars(i, from, to));
        }
        return out;
    }

    /** True when {@link #dailyBars(List, LocalDate, LocalDate)} is cheaper than one call per symbol. */
    default boolean fetchesInBatches() {
        return false;
    }

    /** The latest quote, if this source has quotes. */
    default Optional<Quote> latestQuote(Instrument instrument) {
        return Optional.empty();
    }

    /**
     * Findings about the bars served since the last call, and forgets them (a cache reports restated history here:
     * bars it held that the source now gives differently). Most sources find nothing.
     */
    default List<DataFinding> takeFindings() {
        return List.of();
    }

    /** A short description for logs and the ledger, e.g. {@code csv:/data/daily}. */
    String describe();
}
