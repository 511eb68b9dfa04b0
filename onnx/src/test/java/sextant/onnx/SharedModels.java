package sextant.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import sextant.testkit.Shared;

/** Test helper: the tiny reference models in ../shared/models, copied so that caches never write into shared/. */
final class SharedModels {
    static final String UNIVARIATE = "tiny-quantile-univariate";
    static final String MULTIVARIATE = "tiny-quantile-multivariate";

    private SharedModels() {
    }

    static Path sharedManifest(String name) {
        return Shared.path("models").resolve(name + ".json");
    }

    static Path golden(String name) {
        return Shared.path("models").resolve(name + ".golden.json");
    }

    /** Copies manifest and ONNX file into {@code dir} and returns the copied manifest. */
    static Path copyModel(String name, Path dir) throws IOException {
        Path models = Shared.path("models");
        Files.createDirectories(dir);
        Files.copy(models.resolve(name + ".json"), dir.resolve(name + ".json"));
        Files.copy(models.resolve(name + ".onnx"), dir.resolve(name + ".onnx"));
        return dir.resolve(name + ".json");
    }

    /** CPU, one thread, the given batch, cache off: never writes anywhere. */
    static OnnxOptions noCache(int batch) {
        return new OnnxOptions(1, batch, ExecutionProvider.CPU, false);
    }
}
