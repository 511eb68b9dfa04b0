package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.backtest.StrategyId;
import sextant.core.cycle.Action;
import sextant.core.cycle.Phase;
import sextant.core.cycle.SymbolDecision;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Forecaster;
import sextant.core.market.Instrument;
import sextant.data.SyntheticMarket;
import sextant.forecast.Forecasters;
import sextant.paper.PaperBroker;
import sextant.paper.PaperConfig;
import sextant.store.Database;
import sextant.store.SqliteForecastStore;
import sextant.store.SqliteLedger;
import sextant.testkit.RecordingBroker;

/** The cycle over real adapters (synthetic market, SQLite, paper broker) with faults injected at the ports. */
class CycleEngineTest {
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final CycleSettings SETTINGS = new CycleSettings(70, 6, 900,
            EnumSet.of(StrategyId.MAXDIFF, StrategyId.MAXDIFF_ALWAYS_ON), 0, 10, 0.1, 1.0, 2, "sx", "test");
    static final List<Instrument> UNIVERSE = List.of(Instrument.stock("AAA"), Instrument.stock("BBB"),
            Instrument.crypto("CCCUSD"));

    @TempDir
    Path dir;

    /** A model that fails, as a broken ONNX export or an out-of-memory error would. */
    static final class BrokenModel implements Forecaster {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public String parametersKey() {
            return "";
        }

        @Override
        public int contextLength() {
            return 64;
        }

        @Override
        public ForecastBatch forecast(List<ForecastContext> contexts) {
            throw new IllegalStateException("model exploded");
        }
    }

    @Test
    void aFailingModelTurnsItsSymbolsIntoErrorsAndTheOthersStillTrade() throws Exception {
        try (Database db = Database.openIn(dir)) {
            SyntheticMarket market = new SyntheticMarket(42);
            PaperBroker broker = PaperBroker.open(db, market, () -> DAY, PaperConfig.defaults());
            Forecaster good = Forecasters.create("range-vol", 1);
            ModelRouting routing = new ModelRouting(good, Map.of("BBB", new BrokenModel()));
            try (CycleEngine engine = new CycleEngine(market, () -> routing, new SqliteForecastStore(db), broker,
                    new SqliteLedger(db), SETTINGS, CycleListener.NONE, Clock.systemUTC())) {
                CycleReport r = engine.run(DAY, UNIVERSE);
                assertThat(r.status()).isEqualTo(sextant.core.cycle.CycleStatus.SYMBOL_ERRORS);
                SymbolDecision bbb = r.decisions().stream().filter(d -> d.instrument().symbol().equals("BBB")).findFirst()
                        .orElseThrow();
                assertThat(bbb.action()).isEqualTo(Action.ERROR);
                assertThat(bbb.reason()).isEqualTo("forecast (broken): model exploded");
                assertThat(r.decisions()).hasSize(3);
                assertThat(r.backtests()).hasSize(2);
                assertThat(r.timings().nanos(Phase.BACKTESTS)).isPositive();
                assertThat(r.timings().totalNanos()).isGreaterThanOrEqualTo(r.timings().nanos(Phase.DATA));
            }
        }
    }

    /** The synthetic market, except that one symbol's bars cannot be read, as a truncated CSV file would. */
    static final class OneUnreadableSymbol implements sextant.core.port.MarketData {
        private final SyntheticMarket market = new SyntheticMarket(42);
        private final String unreadable;

        OneUnreadableSymbol(String unreadable) {
            this.unreadable = unreadable;
        }

        @Override
        public sextant.core.market.BarSeries dailyBars(Instrument instrument, LocalDate from, LocalDate to) {
            if (instrument.symbol().equals(unreadable)) {
                throw new sextant.core.port.MarketDataException(unreadable + ": line 7: not a number");
            }
            return market.dailyBars(instrument, from, to);
        }

        @Override
        public String describe() {
            return "synthetic, " + unreadable + " unreadable";
        }
    }

    @Test
    void eachStageReturnsItsFailuresAndEveryFailedSymbolGetsOneErrorDecision() throws Exception {
        try (Database db = Database.openIn(dir)) {
            BarLoader.Loaded loaded;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                loaded = new BarLoader(new OneUnreadableSymbol("AAA"), pool, CycleListener.NONE).load(DAY, 900, UNIVERSE);
            } finally {
                pool.shutdownNow();
            }
            assertThat(loaded.bars().keySet()).containsExactly(UNIVERSE.get(1), UNIVERSE.get(2));
            assertThat(loaded.failed()).singleElement().satisfies(d -> {
                assertThat(d.instrument()).isEqualTo(UNIVERSE.get(0));
                assertThat(d.action()).isEqualTo(Action.ERROR);
                assertThat(d.reason()).isEqualTo("data: AAA: line 7: not a number");
            });

            OneUnreadableSymbol market = new OneUnreadableSymbol("AAA");
            PaperBroker broker = PaperBroker.open(db, new SyntheticMarket(42), () -> DAY, PaperConfig.defaults());
            ModelRouting routing = new ModelRouting(Forecasters.create("range-vol", 1), Map.of("BBB", new BrokenModel()));
            try (CycleEngine engine = new CycleEngine(market, () -> routing, new SqliteForecastStore(db), broker,
                    new SqliteLedger(db), SETTINGS, CycleListener.NONE, Clock.systemUTC())) {
                CycleReport r = engine.run(DAY, UNIVERSE);
                assertThat(r.decisions()).hasSize(3);
                assertThat(r.decisions().stream().filter(d -> d.action() == Action.ERROR).map(SymbolDecision::reason))
                        .containsExactlyInAnyOrder("data: AAA: line 7: not a number", "forecast (broken): model exploded");
                assertThat(r.backtests()).singleElement().satisfies(b -> assertThat(b.instrument()).isEqualTo(UNIVERSE.get(2)));
                assertThat(r.lastClose().keySet()).containsExactlyInAnyOrder(UNIVERSE.get(1), UNIVERSE.get(2));
            }
        }
    }

    @Test
    void aBrokerFailureEndsTheCycleAndTheLedgerSaysWhy() throws Exception {
        try (Database db = Database.openIn(dir)) {
            SyntheticMarket market = new SyntheticMarket(42);
            RecordingBroker down = new RecordingBroker() {
                @Override
                public sextant.core.order.Account account() {
                    throw new sextant.core.port.BrokerException("account: HTTP 503 after 4 attempts");
                }
            };
            try (CycleEngine engine = new CycleEngine(market, () -> ModelRouting.single(Forecasters.create("naive", 1)),
                    new SqliteForecastStore(db), down, new SqliteLedger(db), SETTINGS, CycleListener.NONE,
                    Clock.systemUTC())) {
                assertThatThrownBy(() -> engine.run(DAY, UNIVERSE)).hasMessage("account: HTTP 503 after 4 attempts");
            }
            try (Statement s = db.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT status, summary FROM cycles")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("failed");
                assertThat(rs.getString(2)).isEqualTo("failed: account: HTTP 503 after 4 attempts");
            }
            // Sizing needs a fresh account: without one, nothing is sent.
            assertThat(down.calls()).isEmpty();
        }
    }
}
