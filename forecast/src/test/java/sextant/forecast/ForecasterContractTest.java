package sextant.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Forecaster;
import sextant.core.forecast.Quantiles;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;
import sextant.testkit.Bars;

/**
 * The SPI rules every built-in model must keep, including the look-ahead guard (freqtrade lookahead-analysis in
 * spirit): a forecast for bar t must not change when the history after t is cut off or replaced.
 */
class ForecasterContractTest {

    static List<String> ids() {
        return Forecasters.ids();
    }

    /** Small context so that many forecasts in the test have a full, sliding window. */
    private static Forecaster small(String id) {
        return Forecasters.create(id, 7, Map.of("context_length", 40));
    }

    private static List<ForecastContext> everyBar(BarSeries b, int upTo) {
        List<ForecastContext> out = new ArrayList<>();
        for (int t = 1; t <= upTo; t++) {
            out.add(new ForecastContext(b, t));
        }
        return out;
    }

    private static void assertRowsEqual(ForecastBatch a, int i, ForecastBatch b, int j, String what) {
        assertThat(a.row(i)).as(what).containsExactly(b.row(j));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void truncatingOrReplacingTheFutureChangesNoPastForecast(String id) {
        Forecaster model = small(id);
        BarSeries full = Bars.random("LKA", 160, 11);
        ForecastBatch reference = model.forecast(everyBar(full, full.size()));
        Random rnd = new Random(3);
        for (int trial = 0; trial < 12; trial++) {
            int cut = 1 + rnd.nextInt(full.size());
            BarSeries truncated = full.head(cut);
            ForecastBatch fromHead = model.forecast(everyBar(truncated, cut));
            BarSeries replaced = Bars.withFutureReplaced(full, cut, 1000 + trial);
            ForecastBatch fromReplaced = model.forecast(everyBar(replaced, cut));
            for (int t = 1; t <= cut; t++) {
                assertRowsEqual(fromHead, t - 1, reference, t - 1, id + " bar " + t + " with history cut after " + cut);
                assertRowsEqual(fromReplaced, t - 1, reference, t - 1, id + " bar " + t + " with bars >= " + cut + " replaced");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void oneContextAtATimeEqualsOneBatchOfMixedSymbolsAndLengths(String id) {
        Forecaster model = Forecasters.create(id, 1);
        List<ForecastContext> contexts = new ArrayList<>();
        Random rnd = new Random(5);
        for (int s = 0; s < 4; s++) {
            BarSeries b = Bars.random("S" + s, 100 + 150 * s, 20 + s);
            for (int k = 0; k < 15; k++) {
                contexts.add(new ForecastContext(b, 1 + rnd.nextInt(b.size())));
            }
        }
        ForecastBatch batch = model.forecast(contexts);
        for (int i = 0; i < contexts.size(); i++) {
            ForecastBatch single = model.forecast(List.of(contexts.get(i)));
            assertRowsEqual(single, 0, batch, i, id + " context " + i);
        }
        ForecastBatch again = Forecasters.create(id, 99).forecast(contexts);
        for (int i = 0; i < contexts.size(); i++) {
            assertRowsEqual(again, i, batch, i, id + " is deterministic across instances and seeds");
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyForecastIsFiniteWithNonDecreasingQuantilesEvenOnTinyContexts(String id) {
        Forecaster model = Forecasters.create(id, 1);
        BarSeries b = Bars.random("TNY", 300, 9);
        List<ForecastContext> contexts = everyBar(b, b.size());
        ForecastBatch batch = model.forecast(contexts);
        for (int i = 0; i < contexts.size(); i++) {
            assertThat(batch.isComplete(i)).as(id + " context " + i + " complete").isTrue();
            for (Target t : Target.values()) {
                for (int k = 1; k < Quantiles.COUNT; k++) {
                    assertThat(batch.quantile(i, t, k)).as(id + " " + t + " q" + k + " at " + i)
                            .isGreaterThanOrEqualTo(batch.quantile(i, t, k - 1));
                }
            }
        }
        assertThat(model.contextLength()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void parametersKeyCapturesEveryConfigParameterAndConfigRoundTrips(String id) {
        Forecaster model = Forecasters.create(id, 1);
        Map<String, Object> config = Forecasters.config(model);
        Forecaster rebuilt = Forecasters.create(id, 1, config);
        assertThat(rebuilt.parametersKey()).isEqualTo(model.parametersKey());
        for (Map.Entry<String, Object> e : config.entrySet()) {
            if (e.getKey().equals("name")) {
                continue;
            }
            Map<String, Object> changed = new LinkedHashMap<>(config);
            Object v = e.getValue();
            changed.put(e.getKey(), v instanceof Integer n ? n + 1 : ((Number) v).doubleValue() + 0.25);
            Forecaster other = Forecasters.create(id, 1, changed);
            assertThat(other.parametersKey()).as(id + " key after changing " + e.getKey()).isNotEqualTo(model.parametersKey());
        }
    }

    /** Stored forecasts are keyed by these strings: a changed key silently orphans every cached forecast. */
    @Test
    void defaultParametersKeysAreStable() {
        assertThat(Forecasters.create("naive", 0).parametersKey()).isEqualTo("context_length=256");
        assertThat(Forecasters.create("range-vol", 0).parametersKey())
                .isEqualTo("context_length=256;half_life=5.0;close_shrink=0.0;clip=2.0");
        assertThat(Forecasters.create("ridge", 0).parametersKey())
                .isEqualTo("context_length=256;half_life=10.0;lambda=1.0;lad_iterations=3;features=v1");
        assertThat(Forecasters.create("range-vol", 0, Map.of("half_life", 7, "clip", 0.5)).parametersKey())
                .isEqualTo("context_length=256;half_life=7.0;close_shrink=0.0;clip=0.5");
    }

    @Test
    void unknownModelsAndParametersAreRejectedWithTheKnownOnesNamed() {
        assertThatThrownBy(() -> Forecasters.create("toto", 1)).hasMessageContaining("unknown forecasting model 'toto'")
                .hasMessageContaining("range-vol");
        assertThatThrownBy(() -> Forecasters.create("ridge", 1, Map.of("lamda", 2.0))).hasMessageContaining("unknown config key 'lamda'");
        assertThatThrownBy(() -> Forecasters.create("range-vol", 1, Map.of("context_length", 3))).hasMessageContaining("context_length 3");
        assertThat(Forecasters.ids()).startsWith("naive").contains(Forecasters.DEFAULT_ID);
    }

    @Test
    void naivePointIsZeroAndRangeVolAnchorsTheHighOnTheLastClose() {
        BarSeries b = Bars.random("ANC", 200, 4);
        ForecastContext ctx = new ForecastContext(b, b.size());
        ForecastBatch naive = Forecasters.create("naive", 1).forecast(List.of(ctx));
        assertThat(naive.point(0, Target.HIGH)).isZero();
        ForecastBatch rv = Forecasters.create("range-vol", 1).forecast(List.of(ctx));
        int last = b.size() - 1;
        // The predicted next high is the last close times (1 + a positive excursion): above the last close.
        double predictedHigh = b.high()[last] * (1 + rv.point(0, Target.HIGH));
        assertThat(predictedHigh).isGreaterThan(b.close()[last]);
        double predictedLow = b.low()[last] * (1 + rv.point(0, Target.LOW));
        assertThat(predictedLow).isLessThan(b.close()[last]);
    }
}
