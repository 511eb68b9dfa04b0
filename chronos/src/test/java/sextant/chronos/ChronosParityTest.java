package sextant.chronos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of every fixture in ../shared/fixtures/chronos-bolt against the reference outputs under the fixtures'
 * tolerance rule, with the Vector API kernels and with the plain-Java ones; the traced cases also check each stage.
 */
class ChronosParityTest {

    static List<Arguments> fixtures() {
        List<Arguments> out = new ArrayList<>();
        for (Path dir : Fixtures.dirs()) {
            out.add(Arguments.of(dir.getFileName().toString(), "scalar"));
            out.add(Arguments.of(dir.getFileName().toString(), "vector"));
        }
        return out;
    }

    static Kernels kernels(String name) {
        if (name.equals("scalar")) {
            return new ScalarKernels();
        }
        Kernels k = Kernels.select();
        assertThat(k.name()).as("the Vector API is on the test JVM's module path (surefire argLine)").isEqualTo("vector");
        return k;
    }

    @ParameterizedTest(name = "{0} with {1} kernels")
    @MethodSource("fixtures")
    void everyCaseMatchesTheReference(String fixture, String kernels) {
        Path dir = Fixtures.root().resolve(fixture);
        JsonNode root = Fixtures.cases(dir);
        assertThat(root.get("tolerance").get("rtol").asDouble()).isEqualTo(Fixtures.RTOL);
        try (ChronosBoltModel model = ChronosBoltModel.open(dir, 2, kernels(kernels))) {
            assertThat(model.parameters()).isEqualTo(root.get("model").get("num_parameters").asLong());
            assertThat(model.config().parameterCount()).isEqualTo(model.parameters());
            ChronosBoltPipeline pipeline = new ChronosBoltPipeline(model);
            int checked = 0;
            for (JsonNode c : root.get("cases")) {
                String name = fixture + "/" + c.get("name").asText();
                List<float[]> inputs = Fixtures.inputs(c);
                int h = c.get("args").get("prediction_length").asInt();
                JsonNode expected = c.get("expected");
                if (c.get("call").asText().endsWith("predict_quantiles")) {
                    double[] levels = new double[c.get("args").get("quantile_levels").size()];
                    for (int i = 0; i < levels.length; i++) {
                        levels[i] = c.get("args").get("quantile_levels").get(i).asDouble();
                    }
                    ChronosBoltPipeline.QuantileForecast f = pipeline.predictQuantiles(inputs, h, levels);
                    assertWithin(name + " quantiles", f.quantiles(), Fixtures.flat(expected.get("quantiles")), h * levels.length);
                    assertWithin(name + " mean", f.mean(), Fixtures.flat(expected.get("mean")), h);
                } else {
                    float[] got = pipeline.predict(inputs, h);
                    int q = model.config().numQuantiles();
                    assertWithin(name, got, Fixtures.flat(expected.get("quantiles")), q * h);
                }
                if (c.has("intermediates")) {
                    checkStages(name, model, c.get("intermediates"));
                }
                checked++;
            }
            assertThat(checked).isEqualTo(5);
        }
    }

    private static void checkStages(String name, ChronosBoltModel model, JsonNode im) {
        JsonNode prepared = im.get("context_prepared");
        int b = prepared.size();
        int len = prepared.get(0).size();
        float[] ctx = Fixtures.flat(prepared);
        EncoderDecoderPass.Trace trace = new EncoderDecoderPass.Trace();
        model.predict(ctx, b, len, trace);
        int d = model.config().dModel();
        assertWithin(name + " loc", trace.loc, Fixtures.flat(im.get("loc")), 1);
        assertWithin(name + " scale", trace.scale, Fixtures.flat(im.get("scale")), 1);
        assertThat(trace.attentionMask).containsExactly(Fixtures.flat(im.get("attention_mask")));
        int rowsPerSeries = trace.positions * d;
        assertWithin(name + " input_embeds", trace.inputEmbeds, Fixtures.flat(im.get("input_embeds")), rowsPerSeries);
        assertWithin(name + " encoder_last_hidden_state", trace.encoderStates, Fixtures.flat(im.get("encoder_last_hidden_state")), rowsPerSeries);
        assertWithin(name + " decoder_last_hidden_state", trace.decoderState, Fixtures.flat(im.get("decoder_last_hidden_state")), d);
        int qh = model.config().numQuantiles() * model.config().predictionLength();
        assertWithin(name + " quantile_preds_normalized", trace.normalizedPredictions, Fixtures.flat(im.get("quantile_preds_normalized")), qh);
    }

    private static void assertWithin(String what, float[] got, float[] expected, int rowSize) {
        double ratio = Fixtures.worstRatio(got, expected, rowSize);
        System.out.printf(java.util.Locale.ROOT, "parity %-60s worst %.4f of tolerance%n", what, ratio);
        assertThat(ratio).as("%s: worst |diff| / tolerance", what).isLessThanOrEqualTo(1.0);
    }
}
