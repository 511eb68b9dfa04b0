package sextant.onnx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sextant.core.forecast.ModelLoadException;
import sextant.testkit.Shared;

/** Manifests that parse fine but disagree with the ONNX graph are refused when the model is opened. */
class SessionValidationTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "tiny-quantile-univariate|\"input\": \"context\"|\"input\": \"past_values\"|model's inputs are [context]",
            "tiny-quantile-univariate|\"output\": \"quantiles\"|\"output\": \"forecast\"|model's outputs are [quantiles]",
            "tiny-quantile-univariate|\"context_length\": 64|\"context_length\": 512|'context_length' says 512",
            "tiny-quantile-univariate|\"prediction_length\": 4|\"prediction_length\": 64|'prediction_length' says 64",
            "tiny-quantile-univariate|0.1,|0.05, 0.1,|'quantile_levels (count)' says 10",
            "tiny-quantile-univariate|\"output_layout\": \"B,Q,H\"|\"output_layout\": \"Q,B,V,H\"|unsupported layout",
            "tiny-quantile-multivariate|\"context_length\": 64|\"context_length\": 32|'context_length' says 32",
    })
    void manifestDisagreeingWithTheGraphIsRefused(String model, String from, String to, String expected, @TempDir Path dir)
            throws IOException {
        Path manifest = SharedModels.copyModel(model, dir);
        Files.writeString(manifest, Files.readString(manifest).replace(from, to));
        assertThatThrownBy(() -> OnnxForecaster.open(manifest, SharedModels.noCache(4)))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(manifest.toString()).hasMessageContaining(expected);
    }

    @ParameterizedTest
    @CsvSource({"tiny-quantile-univariate, tiny-quantile-multivariate", "tiny-quantile-multivariate, tiny-quantile-univariate"})
    void manifestPointingAtAModelOfTheOtherLayoutIsRefused(String manifestOf, String onnxOf, @TempDir Path dir) throws IOException {
        Path manifest = SharedModels.copyModel(manifestOf, dir);
        Files.copy(Shared.path("models/" + onnxOf + ".onnx"), dir.resolve(onnxOf + ".onnx"));
        Files.writeString(manifest, Files.readString(manifest).replace(manifestOf + ".onnx", onnxOf + ".onnx"));
        assertThatThrownBy(() -> OnnxForecaster.open(manifest, SharedModels.noCache(4)))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("needs rank");
    }

    @ParameterizedTest
    @CsvSource({"garbage", "empty"})
    void fileThatIsNotAnOnnxModelIsRefused(String kind, @TempDir Path dir) throws IOException {
        Path manifest = SharedModels.copyModel(SharedModels.UNIVARIATE, dir);
        Files.write(dir.resolve(SharedModels.UNIVARIATE + ".onnx"), kind.equals("empty") ? new byte[0] : "not a model".getBytes());
        assertThatThrownBy(() -> OnnxForecaster.open(manifest, SharedModels.noCache(4)))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("ONNX Runtime cannot load the model");
    }
}
