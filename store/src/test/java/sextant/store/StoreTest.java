package sextant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastStore;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.port.MarketData;

class StoreTest {
    @TempDir
    Path dir;

    @Test
    void migrationsRunOnceAndDatabaseIsInWalMode() throws Exception {
        try (Database db = Database.openIn(dir)) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.STEPS.size());
            try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
        try (Database again = Database.openIn(dir)) {
            assertThat(again.schemaVersion()).isEqualTo(Migrations.STEPS.size());
        }
    }

    @Test
    void aCycleCutOffMidwayIsMarkedInterruptedWhenTheNextStarts() throws Exception {
        try (Database db = Database.openIn(dir)) {
            SqliteLedger ledger = new SqliteLedger(db);
            long crashed = ledger.startCycle(java.time.Instant.EPOCH, LocalDate.of(2025, 1, 2), "paper", "d", "m", 3);
            long next = ledger.startCycle(java.time.Instant.EPOCH, LocalDate.of(2025, 1, 2), "paper", "d", "m", 3);
            assertThat(next).isGreaterThan(crashed);
            try (Statement s = db.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT status FROM cycles ORDER BY id")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("interrupted");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("running");
            }
        }
    }

    @Test
    void stateDirectoryThatIsAFileGivesAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> Database.openIn(file.resolve("state")))
                .isInstanceOf(StateDirectoryException.class)
                .hasMessageContaining("state directory " + file.resolve("state") + " cannot be created");
    }

    @Test
    void forecastRowsRoundTrip() {
        try (Database db = Database.openIn(dir)) {
            SqliteForecastStore store = new SqliteForecastStore(db);
            ForecastStore.Key k = new ForecastStore.Key("m|p", "AAPL", 19000, 256, 42L);
            double[] row = new double[ForecastBatch.STRIDE];
            for (int i = 0; i < row.length; i++) {
                row[i] = i * 0.001 - 0.01;
            }
            store.save(Map.of(k, row));
            ForecastStore.Key other = new ForecastStore.Key("m|p", "AAPL", 19000, 256, 43L);
            Map<ForecastStore.Key, double[]> loaded = store.load(List.of(k, other));
            assertThat(loaded).containsOnlyKeys(k);
            assertThat(loaded.get(k)).containsExactly(row);
        }
    }

    @Test
    void barCacheAsksABatchingSourceOnceForAllSymbolsThatNeedTheSameDays() {
        List<Integer> batchSizes = new java.util.ArrayList<>();
        MarketData upstream = new MarketData() {
            final sextant.data.SyntheticMarket m = new sextant.data.SyntheticMarket(9);

            @Override
            public BarSeries dailyBars(Instrument i, LocalDate from, LocalDate to) {
                batchSizes.add(1);
                return m.dailyBars(i, from, to);
            }

            @Override
            public Map<Instrument, BarSeries> dailyBars(List<Instrument> list, LocalDate from, LocalDate to) {
                batchSizes.add(list.size());
                Map<Instrument, BarSeries> out = new java.util.LinkedHashMap<>();
                list.forEach(i -> out.put(i, m.dailyBars(i, from, to)));
                return out;
            }

            @Override
            public boolean fetchesInBatches() {
                return true;
            }

            @Override
            public String describe() {
                return "batching";
            }
        };
        List<Instrument> three = List.of(Instrument.stock("A"), Instrument.stock("B"), Instrument.crypto("CUSD"));
        try (Database db = Database.openIn(dir)) {
            CachedMarketData cache = new CachedMarketData(upstream, db);
            assertThat(cache.fetchesInBatches()).isTrue();
            var first = cache.dailyBars(three, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
            var next = cache.dailyBars(three, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 2));
            assertThat(batchSizes).containsExactly(3, 3);
            assertThat(next.get(three.get(2)).size()).isEqualTo(first.get(three.get(2)).size() + 2);
            assertThat(next.get(three.get(0)).close()[0]).isEqualTo(first.get(three.get(0)).close()[0]);
        }
    }

    @Test
    void barCacheFetchesOnlyMissingNewerDays() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger barsFetched = new AtomicInteger();
        MarketData upstream = new MarketData() {
            final sextant.data.SyntheticMarket m = new sextant.data.SyntheticMarket(5);

            @Override
            public BarSeries dailyBars(Instrument i, LocalDate from, LocalDate to) {
                calls.incrementAndGet();
                BarSeries b = m.dailyBars(i, from, to);
                barsFetched.addAndGet(b.size());
                return b;
            }

            @Override
            public String describe() {
                return "synthetic:test";
            }
        };
        Instrument btc = Instrument.crypto("BTCUSD");
        try (Database db = Database.openIn(dir)) {
            CachedMarketData cache = new CachedMarketData(upstream, db);
            BarSeries first = cache.dailyBars(btc, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
            assertThat(first.size()).isEqualTo(91);
            BarSeries again = cache.dailyBars(btc, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 31));
            assertThat(calls.get()).isEqualTo(1);
            assertThat(again.close()).containsExactly(java.util.Arrays.copyOfRange(first.close(), 31, 91));
            BarSeries extended = cache.dailyBars(btc, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 2));
            assertThat(calls.get()).isEqualTo(2);
            // The two new days, plus the last week again to notice restated history.
            assertThat(barsFetched.get()).isEqualTo(91 + CachedMarketData.OVERLAP_DAYS + 2);
            assertThat(extended.size()).isEqualTo(93);
            assertThat(extended.close()[90]).isEqualTo(first.close()[90]);
        }
    }
}
