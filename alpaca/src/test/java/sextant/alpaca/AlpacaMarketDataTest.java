package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.market.Quote;
import sextant.core.port.MarketDataException;

class AlpacaMarketDataTest {
    // Wednesday 2025-03-12 17:00 New York: that day's stock bar is closed, its crypto (UTC) bar is not.
    private static final Instant NOW = Instant.parse("2025-03-12T21:00:00Z");
    private FakeAlpacaServer fake;
    private FakeTime time;
    private AlpacaMarketData data;

    @BeforeEach
    void start() {
        time = new FakeTime(NOW);
        fake = FakeAlpacaServer.start(time);
        data = AlpacaMarketData.create(FakeSetup.config(fake).requestTimeout(java.time.Duration.ofSeconds(10)).build(), time, time, 5);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void stockBarsAreDailyWeekdaysAdjustedAndClosedOnly() {
        Instrument aapl = Instrument.stock("AAPL");
        BarSeries s = data.dailyBars(aapl, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 14));
        assertThat(s.symbol()).isEqualTo("AAPL");
        assertThat(s.date(0)).isEqualTo(LocalDate.of(2025, 3, 3)); // the first weekday
        assertThat(s.lastDate()).isEqualTo(LocalDate.of(2025, 3, 12)); // nothing after "now"
        assertThat(s.size()).isEqualTo(8);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.date(i).getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        Map<String, String> q = fake.lastQuery("/v2/stocks/bars");
        assertThat(q).containsEntry("adjustment", "all").containsEntry("timeframe", "1Day").containsEntry("feed", "iex");
    }

    @Test
    void todaysStockBarIsDroppedWhileTheMarketIsOpen() {
        time.advance(java.time.Duration.ofHours(-5)); // 12:00 New York
        AlpacaMarketData d = AlpacaMarketData.create(FakeSetup.config(fake).requestTimeout(java.time.Duration.ofSeconds(10)).build(), time, time, 5);
        BarSeries s = d.dailyBars(Instrument.stock("AAPL"), LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 12));
        assertThat(s.lastDate()).isEqualTo(LocalDate.of(2025, 3, 11));
    }

    @Test
    void cryptoBarsUseSlashSymbolsAndEveryUtcDay() {
        Instrument btc = Instrument.crypto("BTCUSD");
        BarSeries s = data.dailyBars(btc, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 14));
        assertThat(s.instrument()).isEqualTo(btc);
        assertThat(s.date(0)).isEqualTo(LocalDate.of(2025, 3, 1)); // a Saturday: crypto trades
        assertThat(s.lastDate()).isEqualTo(LocalDate.of(2025, 3, 11)); // 2025-03-12 UTC is still open
        assertThat(s.size()).isEqualTo(11);
        assertThat(fake.lastQuery("/v1beta3/crypto/us/bars")).containsEntry("symbols", "BTC/USD").doesNotContainKey("adjustment");
    }

    @Test
    void batchFetchesManySymbolsInFewRequestsAndFollowsPages() {
        fake.maxBarsPerPage(1000);
        List<Instrument> universe = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            universe.add(Instrument.stock("S" + (char) ('A' + i) + "X"));
        }
        universe.add(Instrument.crypto("BTCUSD"));
        universe.add(Instrument.crypto("ETHUSD"));
        LocalDate from = LocalDate.of(2024, 3, 12);
        LocalDate to = LocalDate.of(2025, 3, 12);
        int before = fake.totalRequests();
        Map<Instrument, BarSeries> all = data.dailyBars(universe, from, to);
        int requests = fake.totalRequests() - before;
        assertThat(all).hasSize(27).containsOnlyKeys(universe);
        // 25 stocks * ~251 bars = ~6,300 bars at 1,000 per page -> 7 pages; 2 crypto * 366 -> 1 page
        assertThat(requests).isEqualTo(8);
        assertThat(fake.requestCount("GET /v2/stocks/bars")).isEqualTo(7);
        for (Instrument in : universe) {
            BarSeries s = all.get(in);
            assertThat(s.size()).as(in.symbol()).isEqualTo(in.isCrypto() ? 365 : 262); // 2024-03-12..2025-03-11 UTC; weekdays to 03-12
            // identical to fetching the symbol alone (paging lost and duplicated nothing)
            BarSeries alone = data.dailyBars(in, from, to);
            assertThat(alone.close()).containsExactly(s.close());
            assertThat(alone.epochDays()).containsExactly(s.epochDays());
        }
    }

    @Test
    void unknownSymbolGivesAnEmptySeriesAndBadRequestsNameTheSymbols() {
        assertThat(data.dailyBars(List.of(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2))).isEmpty();
        assertThatThrownBy(() -> data.dailyBars(Instrument.stock("AAPL"), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("before");
        fake.serverErrorNext("GET", "/v2/stocks/bars", 10);
        assertThatThrownBy(() -> data.dailyBars(Instrument.stock("AAPL"), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("AAPL").hasMessageContaining("500");
    }

    @Test
    void barsSurviveA429AndA500() {
        fake.rateLimitNext("GET", "/v2/stocks/bars", 1, 5);
        fake.serverErrorNext("GET", "/v2/stocks/bars", 1);
        BarSeries s = data.dailyBars(Instrument.stock("MSFT"), LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 7));
        assertThat(s.size()).isEqualTo(5);
        assertThat(fake.requestCount("GET /v2/stocks/bars")).isEqualTo(3);
    }

    @Test
    void latestQuotesForStocksAndCrypto() {
        Instrument aapl = Instrument.stock("AAPL");
        Instrument eth = Instrument.crypto("ETHUSD");
        Map<Instrument, Quote> qs = data.latestQuotes(List.of(aapl, eth));
        assertThat(qs).containsOnlyKeys(aapl, eth);
        assertThat(qs.get(eth).bid()).isLessThan(qs.get(eth).ask());
        assertThat(fake.lastQuery("/v1beta3/crypto/us/latest/quotes")).containsEntry("symbols", "ETH/USD");
        fake.setPrice("AAPL", 123.45);
        Optional<Quote> q = data.latestQuote(aapl);
        assertThat(q).isPresent();
        assertThat(q.get().mid()).isCloseTo(123.45, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void wrongKeysOnDataAreAClearError() {
        AlpacaMarketData bad = AlpacaMarketData.create(AlpacaConfig.builder().keys("PKBADKEY0000", "bad-secret-000")
                .tradingUrl(fake.baseUrl()).dataUrl(fake.dataUrl()).build(), time, time, 1);
        assertThatThrownBy(() -> bad.dailyBars(Instrument.stock("AAPL"), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 3)))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("401").hasMessageContaining("API keys");
        assertThat(data.describe()).startsWith("alpaca:").contains("adjustment=all");
    }
}
