package sextant.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sextant.core.forecast.ModelLoadException;

class ModelManifestTest {

    @Test
    void readsTheSharedManifests() {
        ModelManifest u = ModelManifest.read(SharedModels.sharedManifest(SharedModels.UNIVARIATE));
        assertThat(u.layout()).isEqualTo(Layout.UNIVARIATE);
        assertThat(u.input()).isEqualTo("context");
        assertThat(u.output()).isEqualTo("quantiles");
        assertThat(u.contextLength()).isEqualTo(64);
        assertThat(u.predictionLength()).isEqualTo(4);
        assertThat(u.quantileLevels()).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
        assertThat(u.modelPath().getFileName().toString()).isEqualTo("tiny-quantile-univariate.onnx");
        assertThat(u.name()).isEqualTo("tiny-quantile-univariate");
        ModelManifest m = ModelManifest.read(SharedModels.sharedManifest(SharedModels.MULTIVARIATE));
        assertThat(m.layout()).isEqualTo(Layout.MULTIVARIATE);
    }

    /** Each broken manifest must name the manifest file and the offending field. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"file\": \"tiny-quantile-univariate.onnx\"|\"file\": \"nope.onnx\"|'file'",
            "\"file\": \"tiny-quantile-univariate.onnx\",|| 'file'",
            "\"input\": \"context\"|\"input\": \"\"|'input'",
            "\"output_layout\": \"B,Q,H\"|\"output_layout\": \"Q,B,H\"|unsupported layout",
            "\"input_layout\": \"B,T\"|\"input_layout\": \"B,V,T\"|unsupported layout",
            "\"context_length\": 64|\"context_length\": 0|'context_length'",
            "\"context_length\": 64|\"context_length\": [64]|'context_length'",
            "\"prediction_length\": 4|\"prediction_length\": -1|'prediction_length'",
            "\"format\": \"onnx\"|\"format\": \"torchscript\"|'format'",
            "\"missing_values\": \"NaN, left-padded\"|\"missing_values\": \"zero, right-padded\"|'missing_values'",
            "0.3,|0.35, 0.3,|'quantile_levels'",
            "0.9|1.5|'quantile_levels[8]'",
    })
    void brokenManifestsNameFileAndField(String from, String to, String expected, @TempDir Path dir) throws IOException {
        Path manifest = SharedModels.copyModel(SharedModels.UNIVARIATE, dir);
        String json = Files.readString(manifest);
        assertThat(json).contains(from);
        Files.writeString(manifest, json.replace(from, to == null ? "" : to));
        assertThatThrownBy(() -> ModelManifest.read(manifest)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(manifest.toString()).hasMessageContaining(expected.trim())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void missingManifestAndBrokenJsonAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path none = dir.resolve("absent.json");
        assertThatThrownBy(() -> ModelManifest.read(none)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(none.toString()).hasMessageContaining("does not exist");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n \"file\": \"x.onnx\",\n \"input\": \n");
        assertThatThrownBy(() -> ModelManifest.read(bad)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("not valid JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void layoutsAcceptBracketsSpacesAndCase() {
        assertThat(Layout.of("[b, t]", "[B, Q, H]")).contains(Layout.UNIVARIATE);
        assertThat(Layout.of("B,V,T", "q,b,v,h")).contains(Layout.MULTIVARIATE);
        assertThat(Layout.of("B,T", "Q,B,V,H")).isEmpty();
    }
}
