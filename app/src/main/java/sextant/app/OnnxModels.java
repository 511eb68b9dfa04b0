package sextant.app;

import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import sextant.core.forecast.Forecaster;
import sextant.core.forecast.ModelLoadException;
import sextant.onnx.OnnxForecaster;
import sextant.onnx.OnnxOptions;

/** Opens an ONNX forecaster from its manifest with the configured runtime options. */
final class OnnxModels {
    private OnnxModels() {
    }

    static Forecaster open(ForecastConfig forecast, Path manifest) {
        OnnxOptions options = new OnnxOptions(forecast.onnxThreads(), forecast.onnxBatch(), forecast.onnxProvider(), true);
        try {
            OnnxForecaster f = OnnxForecaster.open(manifest, options);
            f.notes().forEach(n -> LoggerFactory.getLogger(OnnxModels.class).info("{}: {}", manifest, n));
            return f;
        } catch (ModelLoadException e) {
            throw new ConfigException("forecast.model: " + e.getMessage());
        }
    }
}
