package sextant.app;

import java.nio.file.Path;
import sextant.core.forecast.Forecaster;

/** Opens an ONNX forecaster from its manifest with the configured runtime options. */
final class OnnxModels {
    private OnnxModels() {
    }

    static Forecaster open(SextantConfig cfg, Path manifest) {
        throw new ConfigException("forecast.model " + manifest + ": ONNX models are not available in this build yet");
    }
}
