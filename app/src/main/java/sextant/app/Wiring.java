package sextant.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import sextant.core.market.Instrument;
import sextant.core.port.Broker;
import sextant.core.port.MarketData;
import sextant.data.CsvMarketData;
import sextant.data.SyntheticMarket;
import sextant.engine.CycleListener;
import sextant.engine.CycleSettings;
import sextant.engine.OrderSettings;
import sextant.paper.PaperBroker;
import sextant.store.CachedMarketData;
import sextant.store.Database;

/**
 * Builds Sextant's components from the configuration with plain constructors: the table of contents of the
 * system. Nothing here decides anything; it only connects adapters to ports.
 */
final class Wiring {
    private Wiring() {
    }

    /**
     * The engine that {@code sextant cycle}, {@code bench cycle} and a replay run: its parts come from {@code cfg}
     * and {@code db} (models, forecast store, ledger, settings, order settings) unless the builder is told otherwise.
     */
    static EngineBuilder engine(SextantConfig cfg, Database db, MarketData data, Broker broker,
                                List<Instrument> universe) {
        return new EngineBuilder(cfg, db, data, broker, universe);
    }

    /** The configured source behind the SQLite bar cache (a daily cycle fetches only the new bars). */
    static MarketData marketData(SextantConfig cfg, Database db, AlpacaWiring alpaca) {
        return new CachedMarketData(rawMarketData(cfg, alpaca), db);
    }

    /** The configured source itself, without the SQLite bar cache (a replay loads it once into memory). */
    static MarketData rawMarketData(SextantConfig cfg, AlpacaWiring alpaca) {
        return switch (cfg.data().source()) {
            case SYNTHETIC -> new SyntheticMarket(cfg.data().syntheticSeed());
            case CSV -> CsvMarketData.open(cfg.data().csvDir());
            case ALPACA -> alpaca.marketData();
        };
    }

    static Broker broker(SextantConfig cfg, Database db, MarketData data, Supplier<LocalDate> cycleDate,
                         LiveTrading live, AlpacaWiring alpaca) {
        if (live.live() && cfg.broker().type() != BrokerType.ALPACA) {
            throw new ConfigException("--live needs the Alpaca broker (--broker alpaca); the paper broker has no live mode");
        }
        return switch (cfg.broker().type()) {
            case PAPER -> PaperBroker.open(db, data, cycleDate, cfg.paper());
            case ALPACA -> alpaca.broker();
        };
    }

    static CycleSettings settings(SextantConfig cfg) {
        return settings(cfg, cfg.forecast().describe());
    }

    /** The engine's settings, with {@code modelSpec} as the ledger's record of the model (a replay's controls). */
    static CycleSettings settings(SextantConfig cfg, String modelSpec) {
        BacktestConfig backtest = cfg.backtest();
        StrategiesConfig strategies = cfg.strategies();
        PortfolioConfig portfolio = cfg.portfolio();
        return new CycleSettings(backtest.windows(), backtest.daysPerWindow(), cfg.data().lookbackDays(),
                strategies.enabled(), strategies.minEdge(), portfolio.maxPositions(), portfolio.positionFraction(),
                portfolio.maxGrossExposure(), cfg.engine().threads(), cfg.engine().orderIdPrefix(), modelSpec,
                backtest.fillModel(), strategies.edgeZ(), cfg.data().validation(), shortsAllowed(cfg));
    }

    /**
     * A paper account at leverage 1 is a cash account, which cannot sell short (as on Alpaca); Alpaca's own account
     * flags are checked before each order, so an Alpaca account is planned as able to short.
     */
    static boolean shortsAllowed(SextantConfig cfg) {
        return cfg.broker().type() != BrokerType.PAPER || !cfg.paper().isCashAccount();
    }

    static OrderSettings orderSettings(SextantConfig cfg) {
        OrderSettings defaults = OrderSettings.defaults();
        return new OrderSettings(cfg.universe().onRemoval() == UniverseConfig.OnRemoval.CLOSE, defaults.cancelChecks(),
                defaults.cancelCheckWait()).withExits(cfg.exits().settings());
    }

    /**
     * The state directory of {@code mode}: --state-dir when given, else {@code state.dir} with the mode's suffix
     * ({@code .sextant}, {@code .sextant-alpaca-paper}, {@code .sextant-live}), so that each account has its own by
     * default. An explicit directory is checked against the mode it records (see {@link StateMode}).
     */
    static Path stateDir(SextantConfig cfg, java.util.Optional<Path> override, TradingMode mode) {
        if (override.isPresent()) {
            return override.get();
        }
        Path base = cfg.state().dir();
        if (mode.dirSuffix().isEmpty()) {
            return base;
        }
        Path name = base.getFileName();
        return name == null ? base.resolve("sextant" + mode.dirSuffix()) : base.resolveSibling(name + mode.dirSuffix());
    }

    static Clock clock() {
        return Clock.systemUTC();
    }

    static CycleListener listener(boolean progress) {
        return progress ? new ProgressListener() : CycleListener.NONE;
    }
}
