package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sextant.testkit.Shared;

class ModelCheckCommandTest {

    /** Batch sizes that pad the last batch: 3 univariate rows in batches of 2, 2 multivariate rows in a batch of 4. */
    @ParameterizedTest
    @CsvSource({"tiny-quantile-univariate, 2, 1 padded row", "tiny-quantile-multivariate, 4, 2 padded row",
            "tiny-quantile-univariate, 256, 253 padded row"})
    void bothReferenceModelsPassThroughSextantsPaddingAndBatching(String name, int batch, String padded) {
        Cli r = Cli.run("model-check", "--model", Shared.path("models").resolve(name + ".json").toString(),
                "--golden", Shared.path("models").resolve(name + ".golden.json").toString(), "--batch", String.valueOf(batch), "--no-cache");
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        assertThat(r.out()).contains("model-check " + name).contains("max abs diff").contains(padded).contains(": OK");
        double diff = Double.parseDouble(r.out().replaceAll("(?s).*max abs diff (\\S+) at.*", "$1"));
        assertThat(diff).isLessThanOrEqualTo(1e-3);
    }

    @Test
    void outputBeyondToleranceExitsTwoWithAClearMessage(@TempDir Path dir) throws IOException {
        String golden = Files.readString(Shared.path("models").resolve("tiny-quantile-univariate.golden.json"));
        // Tighten the tolerance below ONNX Runtime's float32 disagreement with torch (about 1e-4): must fail.
        Path strict = dir.resolve("strict.golden.json");
        Files.writeString(strict, golden.replaceAll("\"tolerance_abs\": [0-9.eE-]+", "\"tolerance_abs\": 0.0"));
        assertThat(Files.readString(strict)).contains("\"tolerance_abs\": 0.0");
        Cli r = Cli.run("model-check", "--model", Shared.path("models").resolve("tiny-quantile-univariate.json").toString(),
                "--golden", strict.toString(), "--no-cache");
        assertThat(r.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.out()).contains("FAILED");
        assertThat(r.err()).contains("error: model-check failed: max abs diff").contains("exceeds tolerance").contains(strict.toString());
    }

    @Test
    void missingModelFileIsOneLineNamingTheField(@TempDir Path dir) throws IOException {
        Path manifest = dir.resolve("m.json");
        Files.writeString(manifest, Files.readString(Shared.path("models").resolve("tiny-quantile-univariate.json")));
        Cli r = Cli.run("model-check", "--model", manifest.toString(),
                "--golden", Shared.path("models").resolve("tiny-quantile-univariate.golden.json").toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err().strip()).startsWith("error: " + manifest).contains("field 'file'").doesNotContain("\n");
    }

    @Test
    void goldenForAnotherModelIsRefused() {
        Cli r = Cli.run("model-check", "--model", Shared.path("models").resolve("tiny-quantile-univariate.json").toString(),
                "--golden", Shared.path("models").resolve("tiny-quantile-multivariate.golden.json").toString(), "--no-cache");
        assertThat(r.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).contains("input_shape").contains("tiny-quantile-multivariate.golden.json");
    }

    @Test
    void missingOptionIsAUsageError() {
        Cli r = Cli.run("model-check", "--model", "x.json");
        assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains("--golden");
    }
}
