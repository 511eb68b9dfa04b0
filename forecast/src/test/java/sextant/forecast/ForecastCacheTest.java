package sextant.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sextant.core.forecast.CachingForecaster;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.ForecastStore;
import sextant.core.forecast.Forecaster;
import sextant.core.market.BarSeries;
import sextant.forecast.eval.WalkForward;
import sextant.store.Database;
import sextant.store.SqliteForecastStore;
import sextant.testkit.Bars;
import sextant.testkit.ForwardingForecaster;

/** A second run on unchanged data does no model work; a corrected bar invalidates exactly the contexts that read it. */
class ForecastCacheTest {
    @TempDir
    Path dir;

    /** Counts the contexts that reach the real model. */
    static final class CountingForecaster extends ForwardingForecaster {
        final Forecaster model;
        int contexts;

        CountingForecaster(Forecaster model) {
            super(model);
            this.model = model;
        }

        @Override
        public ForecastBatch forecast(List<ForecastContext> c) {
            contexts += c.size();
            return super.forecast(c);
        }
    }

    static List<String> ids() {
        return Forecasters.ids();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void secondRunHitsTheStoreAndAChangedBarRecomputesOnlyTheContextsThatReadIt(String id) {
        // The real SQLite store: it outlives each CachingForecaster, as the state directory does between cycles.
        try (Database db = Database.openIn(dir)) {
            ForecastStore store = new SqliteForecastStore(db);
            List<BarSeries> series = List.of(Bars.random("AAA", 500, 1), Bars.random("BBB", 450, 2));
            List<ForecastContext> contexts = WalkForward.contexts(series, 0, 76);

            CountingForecaster first = new CountingForecaster(Forecasters.create(id, 1));
            ForecastBatch a = new CachingForecaster(first, store).forecast(contexts);
            assertThat(first.contexts).isEqualTo(contexts.size());

            CountingForecaster second = new CountingForecaster(Forecasters.create(id, 1));
            CachingForecaster cached = new CachingForecaster(second, store);
            ForecastBatch b = cached.forecast(contexts);
            assertThat(second.contexts).as("model work on unchanged data").isZero();
            assertThat(cached.hits()).isEqualTo(contexts.size());
            for (int i = 0; i < contexts.size(); i++) {
                assertThat(b.row(i)).containsExactly(a.row(i));
            }

            // Correct one bar of AAA inside some contexts' windows: only the contexts that read it are recomputed.
            BarSeries aaa = series.get(0);
            int k = aaa.size() - 40;
            BarSeries corrected = Bars.scaled(aaa, i -> i == k, 1.01);
            List<ForecastContext> changed = WalkForward.contexts(List.of(corrected, series.get(1)), 0, 76);
            int len = first.contextLength();
            long readers = changed.stream().filter(c -> c.bars() == corrected)
                    .filter(c -> c.targetIndex() > k && c.targetIndex() - len <= k).count();
            CountingForecaster third = new CountingForecaster(Forecasters.create(id, 1));
            ForecastBatch c = new CachingForecaster(third, store).forecast(changed);
            assertThat(readers).isEqualTo(39);
            assertThat(third.contexts).as("contexts that read the corrected bar").isEqualTo((int) readers);
            ForecastBatch direct = Forecasters.create(id, 1).forecast(changed);
            for (int i = 0; i < changed.size(); i++) {
                assertThat(c.row(i)).containsExactly(direct.row(i));
            }

            // A different parameter set never reuses another's forecasts.
            Map<String, Object> cfg = new HashMap<>(Forecasters.config(first.model));
            cfg.remove("name");
            String anyKey = cfg.keySet().stream().filter(x -> x.endsWith("context_length")).findFirst().orElseThrow();
            cfg.put(anyKey, 300);
            CountingForecaster fourth = new CountingForecaster(Forecasters.create(id, 1, cfg));
            new CachingForecaster(fourth, store).forecast(contexts);
            assertThat(fourth.contexts).isEqualTo(contexts.size());
        }
    }
}
