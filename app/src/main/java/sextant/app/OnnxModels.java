package sextant.app;

import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import sextant.core.forecast.Forecaster;
import sextant.onnx.ExecutionProvider;
import sextant.onnx.ModelLoadException;
import sextant.onnx.OnnxForecaster;
import sextant.onnx.OnnxOptions;

/** Opens an ONNX forecaster from its manifest with the configured runtime options. */
final class OnnxModels {
    private OnnxModels() {
    }

    static Forecaster open(SextantConfig cfg, Path manifest) {
        String provider = cfg.string("forecast.onnx-provider").toUpperCase(Locale.ROOT);
        ExecutionProvider ep;
        try {
            ep = ExecutionProvider.valueOf(provider);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(cfg.source() + ": 'forecast.onnx-provider' must be cpu or cuda, got '"
                    + cfg.string("forecast.onnx-provider") + "'");
        }
        OnnxOptions options = new OnnxOptions(Math.max(0, cfg.integer("forecast.onnx-threads")),
                cfg.integer("forecast.onnx-batch"), ep, true);
        try {
            OnnxForecaster f = OnnxForecaster.open(manifest, options);
            f.notes().forEach(n -> LoggerFactory.getLogger(OnnxModels.class).info("{}: {}", manifest, n));
            return f;
        } catch (ModelLoadException e) {
            throw new ConfigException("forecast.model: " + e.getMessage());
        }
    }
}
