package sextant.chronos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Quantiles;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;

/** The public forecaster against the fixtures' reference outputs, with and without the Vector API. */
class ChronosBoltForecasterTest {

    /** Opens with {@code -Dsextant.vector} set as given, as a user would switch the kernels. */
    private static ChronosBoltForecaster open(Path dir, int batch, boolean vector) {
        String old = System.getProperty(Kernels.VECTOR_PROPERTY);
        System.setProperty(Kernels.VECTOR_PROPERTY, Boolean.toString(vector));
        try {
            return ChronosBoltForecaster.open(dir, batch, 2);
        } finally {
            if (old == null) {
                System.clearProperty(Kernels.VECTOR_PROPERTY);
            } else {
                System.setProperty(Kernels.VECTOR_PROPERTY, old);
            }
        }
    }

    static BarSeries bars(String symbol, float[] levels) {
        int n = levels.length;
        int[] days = new int[n];
        double[] x = new double[n];
        double[] vol = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = 18000 + i;
            x[i] = levels[i];
            vol[i] = 1000;
        }
        return BarSeries.of(Instrument.stock(symbol), days, x, x.clone(), x.clone(), x.clone(), vol);
    }

    @ParameterizedTest(name = "vector API {0}")
    @ValueSource(booleans = {true, false})
    void forecasterReproducesTheReferenceFirstStepOnEveryPositiveFixtureSeries(boolean vector) {
        int checked = 0;
        for (Path dir : Fixtures.dirs()) {
            try (ChronosBoltForecaster f = open(dir, 4, vector)) {
                assertThat(f.model().kernels()).isEqualTo(vector ? "vector" : "scalar");
                assertThat(f.parametersKey()).contains("kernels=" + f.model().kernels());
                int q = f.model().config().numQuantiles();
                int h = f.model().config().predictionLength();
                for (JsonNode c : Fixtures.cases(dir).get("cases")) {
                    if (!c.get("call").asText().endsWith(".predict") || c.get("args").get("prediction_length").asInt() != h) {
                        continue;
                    }
                    List<float[]> inputs = Fixtures.inputs(c);
                    float[] expected = Fixtures.flat(c.get("expected").get("quantiles"));
                    List<ForecastContext> contexts = new ArrayList<>();
                    List<Integer> rows = new ArrayList<>();
                    for (int i = 0; i < inputs.size(); i++) {
                        if (allPositive(inputs.get(i))) {
                            BarSeries b = bars("S" + i, inputs.get(i));
                            contexts.add(new ForecastContext(b, b.size()));
                            rows.add(i);
                        }
                    }
                    ForecastBatch got = f.forecast(contexts);
                    for (int j = 0; j < contexts.size(); j++) {
                        int row = rows.get(j);
                        float[] in = inputs.get(row);
                        double last = in[in.length - 1];
                        float[] ours = new float[q * h];
                        float[] ref = new float[q * h];
                        System.arraycopy(expected, row * q * h, ref, 0, q * h);
                        // The forecaster sorts its quantiles so they never cross; random weights do cross, so compare sorted.
                        float[] first = new float[q];
                        for (int k = 0; k < q; k++) {
                            first[k] = ref[k * h];
                        }
                        java.util.Arrays.sort(first);
                        for (int k = 0; k < q; k++) {
                            ref[k * h] = first[k];
                        }
                        System.arraycopy(ref, 0, ours, 0, q * h);
                        for (int k = 0; k < q; k++) {
                            ours[k * h] = (float) ((got.quantile(j, Target.CLOSE, k) + 1) * last);
                            assertThat(got.quantile(j, Target.HIGH, k)).isEqualTo(got.quantile(j, Target.CLOSE, k));
                        }
                        assertThat(got.point(j, Target.CLOSE)).isEqualTo(got.quantile(j, Target.CLOSE, Quantiles.MEDIAN));
                        // Only step 0 is replaced, but the tolerance's atol comes from the whole reference row.
                        double ratio = Fixtures.worstRatio(ours, ref, q * h);
                        assertThat(ratio).as("%s/%s series %d", dir.getFileName(), c.get("name").asText(), row).isLessThanOrEqualTo(1.0);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(12);
    }

    private static boolean allPositive(float[] s) {
        for (float v : s) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aForecastDoesNotDependOnTheBatchItIsComputedIn() {
        Path dir = Fixtures.root().resolve("tiny-noreg-ctx512");
        float[] shortSeries = new float[40];
        float[] longSeries = new float[700];
        for (int i = 0; i < longSeries.length; i++) {
            longSeries[i] = (float) (50 + 10 * Math.sin(0.05 * i) + 0.01 * i);
        }
        for (int i = 0; i < shortSeries.length; i++) {
            shortSeries[i] = (float) (120 + 3 * Math.cos(0.2 * i));
        }
        BarSeries a = bars("A", shortSeries);
        BarSeries b = bars("B", longSeries);
        try (ChronosBoltForecaster one = open(dir, 1, true); ChronosBoltForecaster many = open(dir, 64, true)) {
            assertThat(many.parametersKey()).isEqualTo(one.parametersKey());
            ForecastBatch alone = one.forecast(List.of(new ForecastContext(a, a.size())));
            ForecastBatch mixed = many.forecast(List.of(new ForecastContext(b, 650), new ForecastContext(a, a.size()),
                    new ForecastContext(b, b.size())));
            assertThat(mixed.row(1)).containsExactly(alone.row(0));
            assertThat(mixed.isComplete(0) && mixed.isComplete(1) && mixed.isComplete(2)).isTrue();
            // The forecast of bar 650 reads only bars before it.
            ForecastBatch head = one.forecast(List.of(new ForecastContext(b.head(650), 650)));
            assertThat(mixed.row(0)).containsExactly(head.row(0));
        }
    }
}
