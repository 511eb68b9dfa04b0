package sextant.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.data.PreloadedMarketData;
import sextant.engine.CycleEngine;
import sextant.engine.CycleSettings;
import sextant.engine.ModelRouting;
import sextant.engine.replay.LaggedMarketData;
import sextant.engine.replay.ReplayDriver;
import sextant.engine.replay.ReplayRun;
import sextant.engine.replay.SessionDate;
import sextant.forecast.Forecasters;
import sextant.forecast.ShuffledForecaster;
import sextant.paper.PaperBroker;
import sextant.store.Database;

/**
 * Runs replay variants over one data set: the bars are loaded once, forecasts are kept in one store shared
 * by every variant, and each variant trades a fresh paper account in its own state sub-directory through
 * {@link ReplayDriver}, i.e. through the engine {@code sextant cycle} runs. Thread-safe: gate cells run in parallel.
 */
final class ReplayRunner {
    /** Seed of the shuffled control (fixed, so a replay is reproducible). */
    static final long SHUFFLE_SEED = 20_250_303L;

    private final SextantConfig cfg;
    private final List<Instrument> universe;
    private final CycleSettings settings;
    private final PreloadedMarketData data;
    private final List<LocalDate> sessions;
    private final List<LocalDate> barDates;
    private final Path stateDir;
    private final ReplayForecastStore forecasts;

    /** {@code cfg} is the configuration the replay trades; its broker is always the local paper broker. */
    ReplayRunner(SextantConfig cfg, List<Instrument> universe, PreloadedMarketData data,
                 LocalDate from, LocalDate to, Path stateDir, ReplayForecastStore forecasts) {
        this.cfg = cfg.withBroker(BrokerType.PAPER);
        this.forecasts = forecasts;
        this.universe = List.copyOf(universe);
        this.settings = Wiring.settings(this.cfg);
        this.data = data;
        this.stateDir = stateDir;
        TreeSet<LocalDate> all = new TreeSet<>();
        for (Instrument i : universe) {
            try {
                BarSeries s = data.series(i);
                for (int k = 0; k < s.size(); k++) {
                    all.add(s.date(k));
                }
            } catch (RuntimeException e) {
                // That symbol's error is reported by each cycle, as sextant cycle reports it.
            }
        }
        this.barDates = List.copyOf(all);
        this.sessions = List.copyOf(all.subSet(from, true, to, true));
        if (sessions.isEmpty()) {
            throw new ConfigException("no bars between " + from + " and " + to + " for any symbol of the universe ("
                    + data.describe() + "); choose dates the data covers");
        }
    }

    /** The engine's settings of the main variant (what the report states). */
    CycleSettings settings() {
        return settings;
    }

    List<LocalDate> sessions() {
        return sessions;
    }

    PreloadedMarketData data() {
        return data;
    }

    List<Instrument> universe() {
        return universe;
    }

    int forecastsStored() {
        return forecasts.size();
    }

    long forecastsComputed() {
        return forecasts.computed();
    }

    ReplayRun run(ReplayVariant v, ReplayDriver.Progress progress) {
        Path dir = stateDir.resolve(v.name());
        SessionDate clock = new SessionDate(sessions.get(0));
        SextantConfig c = v.threads() > 0 ? cfg.withEngine(cfg.engine().withThreads(v.threads())) : cfg;
        try (Database db = Database.openIn(dir)) {
            PaperBroker broker = PaperBroker.open(db, data, clock, v.paper());
            try (CycleEngine engine = Wiring.engine(c, db, new LaggedMarketData(data, barDates, v.lag()), broker, universe)
                    .replay(() -> models(v), forecasts, Wiring.settings(c, modelSpec(v)), clock.clock()).build()) {
                return ReplayDriver.run(engine, broker, clock, sessions, universe, progress);
            }
        }
    }

    private String modelSpec(ReplayVariant v) {
        return switch (v.forecast()) {
            case MODEL -> settings.modelSpec();
            case CONSTANT_BAND -> Forecasters.CONSTANT_BAND_ID + " (control)";
            case SHUFFLED -> "shuffled " + settings.modelSpec() + " (control)";
        };
    }

    private ModelRouting models(ReplayVariant v) {
        return switch (v.forecast()) {
            case MODEL -> Models.load(cfg, universe);
            case CONSTANT_BAND -> ModelRouting.single(Forecasters.create(Forecasters.CONSTANT_BAND_ID, 0));
            case SHUFFLED -> Models.load(cfg, universe).map(f -> new ShuffledForecaster(f, SHUFFLE_SEED));
        };
    }

    /** Equal-weight buy-and-hold of the universe: bought at the last close before the first session. */
    double[] buyAndHold(double initialEquity) {
        List<BarSeries> held = new ArrayList<>();
        for (Instrument i : universe) {
            try {
                BarSeries b = data.series(i);
                if (b.indexOnOrAfter(sessions.get(0)) > 0) {
                    held.add(b);
                }
            } catch (RuntimeException e) {
                // not held
            }
        }
        return hold(held, initialEquity);
    }

    /** One instrument held from the last close before the first session; null when it has no such bars. */
    double @Nullable [] hold(Instrument i, double initialEquity) {
        try {
            BarSeries b = data.series(i);
            return b.indexOnOrAfter(sessions.get(0)) > 0 ? hold(List.of(b), initialEquity) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private double[] hold(List<BarSeries> held, double initialEquity) {
        double[] out = new double[sessions.size()];
        if (held.isEmpty()) {
            java.util.Arrays.fill(out, initialEquity);
            return out;
        }
        for (BarSeries b : held) {
            int start = b.indexOnOrAfter(sessions.get(0)) - 1;
            double base = b.close()[start];
            int k = start;
            for (int j = 0; j < sessions.size(); j++) {
                LocalDate d = sessions.get(j);
                while (k + 1 < b.size() && !b.date(k + 1).isAfter(d)) {
                    k++;
                }
                out[j] += initialEquity / held.size() * b.close()[k] / base;
            }
        }
        return out;
    }
}
