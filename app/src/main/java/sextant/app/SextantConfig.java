package sextant.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sextant.core.backtest.StrategyId;
import sextant.core.market.Instrument;
import sextant.core.strategy.FillModel;
import sextant.engine.CycleSettings;
import sextant.paper.PaperConfig;

/**
 * The effective configuration, parsed once ({@link #load}) into one checked record per section: embedded defaults,
 * then the YAML file, then {@code --set key=value} overrides ({@link ConfigTree} refuses unknown keys and wrong
 * types with the file, line and key). Each section's record checks its own ranges; this record checks what spans
 * sections. Commands read typed fields; the command line's {@code --broker} and {@code --data} are applied with
 * {@link #withBroker} and {@link #withDataSource}, so that everything downstream sees one configuration.
 *
 * @param source where it came from ("built-in defaults" or the file), the start of every error message about it
 * @param yaml   the effective tree as YAML, for {@code sextant config show}
 */
record SextantConfig(String source, StateConfig state, UniverseConfig universe, DataConfig data,
                     ForecastConfig forecast, BacktestConfig backtest, StrategiesConfig strategies,
                     PortfolioConfig portfolio, BrokerConfig broker, PaperConfig paper, AlpacaSettings alpaca,
                     EngineConfig engine, AlertsConfig alerts, ExitsConfig exits, RunConfig run, String yaml) {
    static final String DEFAULTS = ConfigTree.DEFAULTS;

    SextantConfig {
        Objects.requireNonNull(source, "source");
        if (backtest.fillModel() == FillModel.CONSERVATIVE) {
            for (StrategyId id : strategies.enabled()) {
                if (!CycleSettings.hasConservativeKernel(id)) {
                    throw new ConfigException(source + ": strategies.enabled: " + id.key() + " has no conservative"
                            + " backtest (it books same-bar round trips a daily bar cannot prove); remove it, or set"
                            + " backtest.fill-model: original to trade on the original's numbers");
                }
            }
        }
    }

    /** Loads {@code file} (may be null: defaults only) and applies {@code overrides} ("a.b=value"). */
    static SextantConfig load(@Nullable Path file, List<String> overrides) {
        ConfigTree t = ConfigTree.load(file, overrides);
        return new SextantConfig(t.source(), t.section(() -> StateConfig.from(t)),
                t.section(() -> UniverseConfig.from(t)), t.section(() -> DataConfig.from(t)),
                t.section(() -> ForecastConfig.from(t)), t.section(() -> BacktestConfig.from(t)),
                t.section(() -> StrategiesConfig.from(t)), t.section(() -> PortfolioConfig.from(t)),
                t.section(() -> BrokerConfig.from(t)), t.section(() -> PaperSection.from(t)),
                t.section(() -> AlpacaSettings.from(t)), t.section(() -> EngineConfig.from(t)),
                t.section(() -> AlertsConfig.from(t)), t.section(() -> ExitsConfig.from(t)),
                t.section(() -> RunConfig.from(t)), t.toYaml());
    }

    /** The defaults alone. */
    static SextantConfig defaults() {
        return load(null, List.of());
    }

    /** The listed universe, which a run trades unless it takes its symbols from a CSV directory. */
    List<Instrument> listedUniverse() {
        if (universe.listed().isEmpty()) {
            throw new ConfigException(source + ": universe.stocks and universe.crypto are both empty");
        }
        return universe.listed();
    }

    /** With a command line's {@code --broker} (null: as configured); a bad name is refused as the key would be. */
    SextantConfig withBroker(String override) {
        return override == null ? this : withBroker(parsed(() -> BrokerType.parse(override)));
    }

    SextantConfig withBroker(BrokerType type) {
        return new SextantConfig(source, state, universe, data, forecast, backtest, strategies, portfolio,
                new BrokerConfig(type, broker.live()), paper, alpaca, engine, alerts, exits, run, yaml);
    }

    /** With a command line's {@code --data} (null: as configured). */
    SextantConfig withDataSource(String override) {
        return override == null ? this : new SextantConfig(source, state, universe,
                data.withSource(parsed(() -> DataSource.parse(override))), forecast, backtest, strategies, portfolio,
                broker, paper, alpaca, engine, alerts, exits, run, yaml);
    }

    /** With another {@code engine} section (a replay's gate cells run one thread each). */
    SextantConfig withEngine(EngineConfig e) {
        return new SextantConfig(source, state, universe, data, forecast, backtest, strategies, portfolio, broker,
                paper, alpaca, e, alerts, exits, run, yaml);
    }

    private <T> T parsed(java.util.function.Supplier<T> parse) {
        return ConfigTree.section(source, parse);
    }
}
