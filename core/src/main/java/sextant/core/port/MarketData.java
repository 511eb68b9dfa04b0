package sextant.core.port;

import java.time.LocalDate;
import java.util.Optional;
import sextant.core.market.BarSeries;
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

    /** The latest quote, if this source has quotes. */
    default Optional<Quote> latestQuote(Instrument instrument) {
        return Optional.empty();
    }

    /** A short description for logs and the ledger, e.g. {@code csv:/data/daily}. */
    String describe();
}
