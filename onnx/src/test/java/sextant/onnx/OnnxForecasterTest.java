package sextant.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.forecast.CachingForecaster;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.ForecastStore;
import sextant.core.forecast.Quantiles;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;
import sextant.store.Database;
import sextant.store.SqliteForecastStore;
import sextant.testkit.Bars;

class OnnxForecasterTest {
    static final int SYMBOLS = 27;
    static final int WINDOWS = 76;
    static final int BATCH = 256;

    static List<BarSeries> bars;
    static List<ForecastContext> cycle;
    static OnnxForecaster uni;
    static OnnxForecaster multi;

    @BeforeAll
    static void load() {
        bars = DailyBars.loadAll(DailyBars.symbols(SYMBOLS));
        cycle = new ArrayList<>();
        for (BarSeries b : bars) {
            // The newest 75 past bars plus the next, not yet existing bar: a cycle's symbols x windows.
            for (int t = b.size() - WINDOWS + 1; t <= b.size(); t++) {
                cycle.add(new ForecastContext(b, t));
            }
        }
        uni = OnnxForecaster.open(SharedModels.sharedManifest(SharedModels.UNIVARIATE), SharedModels.noCache(BATCH));
        multi = OnnxForecaster.open(SharedModels.sharedManifest(SharedModels.MULTIVARIATE), SharedModels.noCache(BATCH));
    }

    @AfterAll
    static void close() {
        uni.close();
        multi.close();
    }

    static OnnxForecaster model(String name) {
        return name.equals(SharedModels.UNIVARIATE) ? uni : multi;
    }

    @EachSharedModel
    void fullCycleOfRealBarsIsForecastInFixedBatches(String name) {
        OnnxForecaster f = model(name);
        f.warmUp(cycle.size());
        long before = f.model().runs();
        ForecastBatch out = f.forecast(cycle);
        assertThat(cycle).hasSize(SYMBOLS * WINDOWS);
        assertThat(out.size()).isEqualTo(cycle.size());
        int rowsPerContext = name.equals(SharedModels.UNIVARIATE) ? Target.COUNT : 1;
        long expectedRuns = (cycle.size() * rowsPerContext + BATCH - 1) / BATCH;
        assertThat(f.model().runs() - before).isEqualTo(expectedRuns);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.isComplete(i)).as("context %d complete", i).isTrue();
            for (Target g : Target.values()) {
                for (int q = 1; q < Quantiles.COUNT; q++) {
                    assertThat(out.quantile(i, g, q)).isGreaterThanOrEqualTo(out.quantile(i, g, q - 1));
                }
                assertThat(out.point(i, g)).isEqualTo(out.quantile(i, g, Quantiles.MEDIAN));
            }
        }
    }

    @EachSharedModel
    void repeatedAndSubsetCallsGiveIdenticalBits(String name) {
        OnnxForecaster f = model(name);
        ForecastBatch a = f.forecast(cycle);
        ForecastBatch b = f.forecast(cycle);
        // A few contexts alone land in other batch positions, next to other padding rows.
        int[] picks = {5, 700, 1333, cycle.size() - 1};
        List<ForecastContext> subset = new ArrayList<>();
        for (int p : picks) {
            subset.add(cycle.get(p));
        }
        ForecastBatch c = f.forecast(subset);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.row(i)).isEqualTo(a.row(i));
        }
        for (int j = 0; j < picks.length; j++) {
            assertThat(c.row(j)).isEqualTo(a.row(picks[j]));
        }
    }

    @EachSharedModel
    void readsOnlyTheContextWindowBeforeTheTarget(String name) {
        OnnxForecaster f = model(name);
        BarSeries b = bars.get(3);
        int t = b.size() - 40;
        BarSeries tampered = tamper(b, t, f.contextLength());
        ForecastBatch real = f.forecast(List.of(new ForecastContext(b, t)));
        ForecastBatch fake = f.forecast(List.of(new ForecastContext(tampered, t)));
        assertThat(fake.row(0)).isEqualTo(real.row(0));
        // Sanity: the tampering does change a forecast that is allowed to see it.
        ForecastBatch later = f.forecast(List.of(new ForecastContext(b, t + 5)));
        ForecastBatch laterFake = f.forecast(List.of(new ForecastContext(tampered, t + 5)));
        assertThat(laterFake.row(0)).isNotEqualTo(later.row(0));
    }

    /** Doubles every price at or after t and before t - len: bars the forecast for t must not read. */
    static BarSeries tamper(BarSeries b, int t, int len) {
        return Bars.scaled(b, i -> i >= t || i < t - len, 2);
    }

    @EachSharedModel
    void shortHistoriesAreLeftPaddedWithNaN(String name) {
        OnnxForecaster f = model(name);
        BarSeries b = bars.get(0);
        List<ForecastContext> ctx = new ArrayList<>();
        for (int t : new int[] {1, 2, 10, 63, 64, 65}) {
            ctx.add(new ForecastContext(b, t));
        }
        ForecastBatch out = f.forecast(ctx);
        for (int i = 0; i < ctx.size(); i++) {
            assertThat(out.isComplete(i)).as("t=%d", ctx.get(i).targetIndex()).isTrue();
        }
        // t = 10 reads 10 bars: the same forecast as a series that has only those 10 bars.
        ForecastBatch alone = f.forecast(List.of(new ForecastContext(b.head(10), 10)));
        assertThat(alone.row(0)).isEqualTo(out.row(2));
    }

    /**
     * Independent recomputation: feed the scaled levels straight into the model and turn its quantiles into percent
     * changes by hand. Checks the row layout (close/high/low), the scale and the percent change.
     */
    @EachSharedModel
    void quantilesArePercentChangesOfTheModelsLevels(String name) {
        OnnxForecaster f = model(name);
        BarSeries b = bars.get(7);
        int t = b.size() - 3;
        int len = f.contextLength();
        double scale = 100.0 / b.close()[t - 1];
        float[][] levels = new float[Target.COUNT][len];
        for (Target g : Target.values()) {
            double[] s = g.series(b);
            for (int k = 0; k < len; k++) {
                levels[g.index()][k] = (float) (s[t - len + k] * scale);
            }
        }
        boolean univariate = name.equals(SharedModels.UNIVARIATE);
        SeriesSamples direct = new SeriesSamples() {
            public int size() {
                return univariate ? Target.COUNT : 1;
            }

            public int variates() {
                return univariate ? 1 : Target.COUNT;
            }

            public int length(int sample, int variate) {
                return len;
            }

            public float value(int sample, int variate, int k) {
                return levels[univariate ? sample : variate][k];
            }
        };
        QuantileOutput raw = f.model().predict(direct);
        ForecastBatch out = f.forecast(List.of(new ForecastContext(b, t)));
        for (Target g : Target.values()) {
            double base = g.series(b)[t - 1] * scale;
            double[] expected = new double[Quantiles.COUNT];
            for (int q = 0; q < Quantiles.COUNT; q++) {
                expected[q] = raw.get(univariate ? g.index() : 0, univariate ? 0 : g.index(), q, 0) / base - 1;
            }
            Arrays.sort(expected);
            for (int q = 0; q < Quantiles.COUNT; q++) {
                assertThat(out.quantile(0, g, q)).isCloseTo(expected[q], within(1e-12));
            }
        }
    }

    @Test
    void otherQuantileLevelsAreInterpolated(@TempDir Path dir) throws IOException {
        Path manifest = SharedModels.copyModel(SharedModels.UNIVARIATE, dir);
        String json = Files.readString(manifest).replaceAll("(?s)\"quantile_levels\": \\[.*?\\]",
                "\"quantile_levels\": [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95]");
        Path other = dir.resolve("other-levels.json");
        Files.writeString(other, json);
        BarSeries b = bars.get(1);
        ForecastContext ctx = new ForecastContext(b, b.size());
        try (OnnxForecaster f = OnnxForecaster.open(other, SharedModels.noCache(8))) {
            ForecastBatch plain = uni.forecast(List.of(ctx));
            ForecastBatch out = f.forecast(List.of(ctx));
            for (Target g : Target.values()) {
                // The same network: model quantile k is the same number, now labelled with another level.
                double[] m = new double[9];
                for (int k = 0; k < 9; k++) {
                    m[k] = plain.quantile(0, g, k);
                }
                double[] levels = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95};
                double[] expected = new double[Quantiles.COUNT];
                for (int q = 0; q < Quantiles.COUNT; q++) {
                    expected[q] = linear(levels, m, Quantiles.level(q));
                }
                Arrays.sort(expected);
                for (int q = 0; q < Quantiles.COUNT; q++) {
                    assertThat(out.quantile(0, g, q)).isCloseTo(expected[q], within(1e-12));
                }
                assertThat(out.point(0, g)).isEqualTo(m[4]);
            }
            assertThat(f.parametersKey()).isNotEqualTo(uni.parametersKey());
        }
    }

    private static double linear(double[] x, double[] y, double p) {
        for (int i = 0; i + 1 < x.length; i++) {
            if (p >= x[i] && p <= x[i + 1]) {
                return y[i] + (p - x[i]) / (x[i + 1] - x[i]) * (y[i + 1] - y[i]);
            }
        }
        throw new AssertionError("level " + p + " outside " + Arrays.toString(x));
    }

    @Test
    void identityAndParametersKeyNameWhatChangesOutputs() {
        assertThat(uni.id()).isEqualTo("onnx:tiny-quantile-univariate");
        assertThat(multi.id()).isEqualTo("onnx:tiny-quantile-multivariate");
        assertThat(uni.contextLength()).isEqualTo(64);
        assertThat(uni.parametersKey()).contains("sha=").contains("T=64").contains("batch=256").contains("ep=CPU");
        try (OnnxForecaster again = OnnxForecaster.open(SharedModels.sharedManifest(SharedModels.UNIVARIATE), SharedModels.noCache(BATCH));
             OnnxForecaster otherBatch = OnnxForecaster.open(SharedModels.sharedManifest(SharedModels.UNIVARIATE), SharedModels.noCache(16))) {
            assertThat(again.parametersKey()).isEqualTo(uni.parametersKey());
            assertThat(otherBatch.parametersKey()).isNotEqualTo(uni.parametersKey());
            assertThat(again.loadMillis()).isGreaterThanOrEqualTo(0);
            assertThat(again.warmUpMillis()).isEqualTo(-1);
            again.warmUp(100);
            long runs = again.model().runs();
            assertThat(runs).isEqualTo(1);
            assertThat(again.warmUpMillis()).isGreaterThanOrEqualTo(0);
            again.warmUp(100);
            assertThat(again.model().runs()).isEqualTo(runs);
        }
    }

    @Test
    void worksBehindTheForecastCache(@TempDir Path dir) {
        try (Database db = Database.openIn(dir)) {
            ForecastStore store = new SqliteForecastStore(db);
            List<ForecastContext> some = cycle.subList(0, 200);
            CachingForecaster cached = new CachingForecaster(multi, store);
            ForecastBatch first = cached.forecast(some);
            ForecastBatch second = cached.forecast(some);
            assertThat(cached.misses()).isEqualTo(200);
            assertThat(cached.hits()).isEqualTo(200);
            for (int i = 0; i < some.size(); i++) {
                assertThat(second.row(i)).isEqualTo(first.row(i));
            }
        }
    }
}
