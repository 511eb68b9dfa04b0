package sextant.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import sextant.core.backtest.StrategyId;
import sextant.core.market.DataRule;
import sextant.core.market.Instrument;
import sextant.core.port.Broker;
import sextant.core.port.MarketData;
import sextant.core.strategy.FillModel;
import sextant.data.CsvMarketData;
import sextant.data.SyntheticMarket;
import sextant.engine.CycleListener;
import sextant.engine.CycleSettings;
import sextant.engine.OrderSettings;
import sextant.engine.DataValidation;
import sextant.paper.PaperBroker;
import sextant.paper.PaperConfig;
import sextant.store.CachedMarketData;
import sextant.store.Database;

/**
 * Builds Sextant's components from the configuration with plain constructors: the table of contents of the
 * system. Nothing here decides anything; it only connects adapters to ports.
 */
final class Wiring {
    private Wiring() {
    }

    /** The universe: configured stocks and crypto, one list each (a symbol in both lists is an error). */
    static List<Instrument> universe(SextantConfig cfg) {
        List<Instrument> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String s : cfg.list("universe.stocks")) {
            String sym = s.trim().toUpperCase(Locale.ROOT);
            if (!seen.add(sym)) {
                throw new ConfigException(cfg.source() + ": symbol " + sym + " is listed twice in universe");
            }
            out.add(Instrument.stock(sym));
        }
        for (String s : cfg.list("universe.crypto")) {
            String sym = s.trim().toUpperCase(Locale.ROOT).replace("/", "");
            if (!seen.add(sym)) {
                throw new ConfigException(cfg.source() + ": symbol " + sym + " is listed in both universe.stocks and"
                        + " universe.crypto (or twice); keep one");
            }
            out.add(Instrument.crypto(sym));
        }
        if (out.isEmpty()) {
            throw new ConfigException(cfg.source() + ": universe.stocks and universe.crypto are both empty");
        }
        return out;
    }

    static Path stateDir(SextantConfig cfg, Path override) {
        return override != null ? override : Path.of(cfg.string("state.dir"));
    }

    static MarketData marketData(SextantConfig cfg, String sourceOverride, Database db, AlpacaWiring alpaca) {
        return new CachedMarketData(rawMarketData(cfg, sourceOverride, alpaca), db);
    }

    /** The configured source itself, without the SQLite bar cache (a replay loads it once into memory). */
    static MarketData rawMarketData(SextantConfig cfg, String sourceOverride, AlpacaWiring alpaca) {
        String source = sourceOverride != null ? sourceOverride : cfg.string("data.source");
        return switch (source) {
            case "synthetic" -> new SyntheticMarket(cfg.integer("data.synthetic-seed"));
            case "csv" -> CsvMarketData.open(Path.of(cfg.string("data.csv-dir")));
            case "alpaca" -> alpaca.marketData();
            default -> throw new ConfigException(cfg.source() + ": 'data.source' must be synthetic, csv or alpaca, got '"
                    + source + "'");
        };
    }

    static Broker broker(SextantConfig cfg, String typeOverride, Database db, MarketData data, LocalDate asOf,
                         LiveTrading live, AlpacaWiring alpaca) {
        String type = typeOverride != null ? typeOverride : cfg.string("broker.type");
        if (live.live() && !"alpaca".equals(type)) {
            throw new ConfigException("--live needs the Alpaca broker (--broker alpaca); the paper broker has no live mode");
        }
        return switch (type) {
            case "paper" -> PaperBroker.open(db, data, () -> asOf, paperConfig(cfg));
            case "alpaca" -> alpaca.broker();
            default -> throw new ConfigException(cfg.source() + ": 'broker.type' must be paper or alpaca, got '" + type + "'");
        };
    }

    /** Stock symbols as the universe spells them (upper case), so that {@code [gme]} matches GME. */
    private static java.util.Set<String> hardToBorrow(SextantConfig cfg) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        cfg.list("paper.hard-to-borrow").forEach(s -> out.add(s.trim().toUpperCase(java.util.Locale.ROOT)));
        return out;
    }

    static PaperConfig paperConfig(SextantConfig cfg) {
        try {
            return new PaperConfig(cfg.number("paper.initial-cash"), cfg.number("paper.stock-fee"),
                    cfg.number("paper.crypto-fee"), cfg.number("paper.max-leverage"), cfg.number("paper.slippage-bps"),
                    cfg.bool("paper.partial-fills"), cfg.bool("paper.pending-cancels"),
                    hardToBorrow(cfg));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(cfg.source() + ": " + e.getMessage());
        }
    }

    static CycleSettings settings(SextantConfig cfg) {
        return settings(cfg, null);
    }

    /** The engine's settings for a cycle on {@code brokerOverride} (null: {@code broker.type}). */
    static CycleSettings settings(SextantConfig cfg, String brokerOverride) {
        Set<StrategyId> enabled = new HashSet<>();
        for (String s : cfg.list("strategies.enabled")) {
            try {
                enabled.add(StrategyId.fromKey(s));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(cfg.source() + ": strategies.enabled: " + e.getMessage());
            }
            if (!StrategyId.fromKey(s).selectable()) {
                throw new ConfigException(cfg.source() + ": strategies.enabled: " + s + " is report-only and cannot be traded");
            }
        }
        int windows = positive(cfg, "backtest.windows");
        int days = positive(cfg, "backtest.days-per-window");
        PortfolioConfig portfolio = PortfolioConfig.from(cfg);
        String prefix = cfg.string("engine.order-id-prefix");
        if (!prefix.matches("[A-Za-z0-9]{1,8}")) {
            throw new ConfigException(cfg.source() + ": 'engine.order-id-prefix' must be 1-8 letters or digits, got '"
                    + prefix + "'");
        }
        FillModel fillModel = fillModel(cfg);
        if (fillModel == FillModel.CONSERVATIVE) {
            for (StrategyId id : enabled) {
                if (!CycleSettings.hasConservativeKernel(id)) {
                    throw new ConfigException(cfg.source() + ": strategies.enabled: " + id.key() + " has no conservative"
                            + " backtest (it books same-bar round trips a daily bar cannot prove); remove it, or set"
                            + " backtest.fill-model: original to trade on the original's numbers");
                }
            }
        }
        double z = cfg.number("strategies.edge-z");
        if (!(z >= 0 && z <= 10)) {
            throw new ConfigException(cfg.source() + ": 'strategies.edge-z' must be in [0, 10], got " + z);
        }
        return new CycleSettings(windows, days, positive(cfg, "data.lookback-days"), enabled,
                cfg.number("strategies.min-edge"), portfolio.maxPositions(), portfolio.positionFraction(),
                portfolio.maxGrossExposure(), Math.max(0, cfg.integer("engine.threads")), prefix, modelSpec(cfg),
                fillModel, z, validation(cfg),
                shortsAllowed(cfg, brokerOverride != null ? brokerOverride : cfg.string("broker.type")));
    }

    /**
     * A paper account at leverage 1 is a cash account, which cannot sell short (as on Alpaca); Alpaca's own account
     * flags are checked before each order, so an Alpaca account is planned as able to short.
     */
    static boolean shortsAllowed(SextantConfig cfg, String brokerType) {
        return !"paper".equals(brokerType) || cfg.number("paper.max-leverage") > 1;
    }

    static FillModel fillModel(SextantConfig cfg) {
        try {
            return FillModel.fromKey(cfg.string("backtest.fill-model"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(cfg.source() + ": backtest.fill-model: " + e.getMessage());
        }
    }

    static OrderSettings orderSettings(SextantConfig cfg) {
        String onRemoval = cfg.string("universe.on-removal");
        if (!onRemoval.equals("close") && !onRemoval.equals("keep")) {
            throw new ConfigException(cfg.source() + ": 'universe.on-removal' must be close or keep, got '" + onRemoval + "'");
        }
        return new OrderSettings(onRemoval.equals("close"), OrderSettings.defaults().cancelChecks(),
                OrderSettings.defaults().cancelCheckWait());
    }

    /** {@code data.validation}: one severity (error, warning, off) per data rule. */
    static DataValidation validation(SextantConfig cfg) {
        Map<DataRule, DataValidation.Severity> severities = new EnumMap<>(DataRule.class);
        for (DataRule rule : DataRule.values()) {
            if (rule == DataRule.TOO_FEW_BARS) {
                continue;
            }
            String key = "data.validation." + rule.key();
            String value = cfg.string(key).trim().toLowerCase(Locale.ROOT);
            switch (value) {
                case "error" -> severities.put(rule, DataValidation.Severity.ERROR);
                case "warning", "warn" -> severities.put(rule, DataValidation.Severity.WARNING);
                case "off" -> severities.put(rule, DataValidation.Severity.OFF);
                default -> throw new ConfigException(cfg.source() + ": '" + key + "' must be error, warning or off, got '"
                        + value + "'");
            }
        }
        return new DataValidation(severities);
    }

    /** The ledger's record of the model: the configured spec, plus the per-symbol store when there is one. */
    static String modelSpec(SextantConfig cfg) {
        String store = cfg.string("forecast.model-store");
        return cfg.string("forecast.model") + (store.isBlank() ? "" : " (per-symbol store " + store + ")");
    }

    private static int positive(SextantConfig cfg, String key) {
        int v = cfg.integer(key);
        if (v < 1) {
            throw new ConfigException(cfg.source() + ": '" + key + "' must be at least 1, got " + v);
        }
        return v;
    }

    static Clock clock() {
        return Clock.systemUTC();
    }

    static CycleListener listener(boolean progress) {
        return progress ? new ProgressListener() : CycleListener.NONE;
    }
}
