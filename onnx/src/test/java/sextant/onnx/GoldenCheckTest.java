package sextant.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sextant.core.forecast.ModelLoadException;

class GoldenCheckTest {

    /** Batch sizes chosen so some runs pad the last batch (3 rows in 2+2, 2 rows in 4) and some do not. */
    @ParameterizedTest(name = "{0} batch {1}")
    @CsvSource({
            "tiny-quantile-univariate, 1, 3, 0",
            "tiny-quantile-univariate, 2, 2, 1",
            "tiny-quantile-univariate, 64, 1, 61",
            "tiny-quantile-multivariate, 1, 2, 0",
            "tiny-quantile-multivariate, 4, 1, 2",
            "tiny-quantile-multivariate, 3, 1, 1",
    })
    void referenceModelsMatchGoldenWithPaddingAndPaddedLastBatch(String name, int batch, long runs, int padded) {
        GoldenCase golden = GoldenCase.read(SharedModels.golden(name));
        // The golden input really is left-padded with NaN, so the trimming/re-padding path is exercised.
        assertThat(golden.input()).contains(Float.NaN);
        try (QuantileModel model = QuantileModel.open(SharedModels.sharedManifest(name), SharedModels.noCache(batch))) {
            GoldenCheck.Result r = GoldenCheck.run(model, golden);
            assertThat(r.passed()).as("max abs diff %s at %s", r.maxAbsDiff(), r.worstAt()).isTrue();
            assertThat(r.maxAbsDiff()).isLessThan(1e-3);
            assertThat(r.values()).isEqualTo(golden.output().length);
            assertThat(r.runs()).isEqualTo(runs);
            assertThat(r.paddedRows()).isEqualTo(padded);
        }
    }

    @ParameterizedTest
    @CsvSource({"tiny-quantile-univariate", "tiny-quantile-multivariate"})
    void perturbedReferenceFails(String name, @TempDir Path dir) throws IOException {
        String json = Files.readString(SharedModels.golden(name));
        // Shift the first reference output value by 0.5: far beyond the 1e-3 tolerance.
        int at = json.indexOf("\"output\"");
        int num = at + json.substring(at).indexOf(", ") - 1;
        int start = num;
        while (Character.isDigit(json.charAt(start - 1)) || json.charAt(start - 1) == '.' || json.charAt(start - 1) == '-') {
            start--;
        }
        double v = Double.parseDouble(json.substring(start, num + 1));
        Path broken = dir.resolve("broken.golden.json");
        Files.writeString(broken, json.substring(0, start) + (v + 0.5) + json.substring(num + 1));
        try (QuantileModel model = QuantileModel.open(SharedModels.sharedManifest(name), SharedModels.noCache(2))) {
            GoldenCheck.Result r = GoldenCheck.run(model, GoldenCase.read(broken));
            assertThat(r.passed()).isFalse();
            assertThat(r.maxAbsDiff()).isBetween(0.49, 0.51);
        }
    }

    @ParameterizedTest
    @CsvSource({"tiny-quantile-univariate, tiny-quantile-multivariate", "tiny-quantile-multivariate, tiny-quantile-univariate"})
    void goldenOfAnotherLayoutIsRejectedWithTheFileNamed(String model, String other) {
        GoldenCase golden = GoldenCase.read(SharedModels.golden(other));
        try (QuantileModel m = QuantileModel.open(SharedModels.sharedManifest(model), SharedModels.noCache(4))) {
            assertThatThrownBy(() -> GoldenCheck.run(m, golden)).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining(other + ".golden.json");
        }
    }
}
