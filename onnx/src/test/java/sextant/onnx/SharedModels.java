package sextant.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: the tiny reference models in ../shared/models, copied so that caches never write into shared/. */
final class SharedModels {
    static final String UNIVARIATE = "tiny-quantile-univariate";
    static final String MULTIVARIATE = "tiny-quantile-multivariate";

    private SharedModels() {
    }

    static Path shared() {
        String s = System.getProperty("sextant.shared");
        if (s == null) {
            throw new IllegalStateException("system property sextant.shared is not set (surefire sets it)");
        }
        return Path.of(s);
    }

    static Path sharedManifest(String name) {
        return shared().resolve("models").resolve(name + ".json");
    }

    static Path golden(String name) {
        return shared().resolve("models").resolve(name + ".golden.json");
    }

    /** Copies manifest and ONNX file into {@code dir} and returns the copied manifest. */
    static Path copyModel(String name, Path dir) throws IOException {
        Path models = shared().resolve("models");
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
