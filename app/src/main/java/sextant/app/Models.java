package sextant.app;

import sextant.engine.ModelRouting;

/** Builds the forecasting models named by the configuration (built-in id or ONNX manifest, plus the model store). */
final class Models {
    private Models() {
    }

    static ModelRouting load(SextantConfig cfg) {
        throw new ConfigException("forecast.model '" + cfg.string("forecast.model") + "' cannot be loaded yet");
    }
}
