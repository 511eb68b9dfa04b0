package sextant.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import sextant.onnx.ExecutionProvider;

/**
 * The {@code forecast} section. The model itself is opened only when a cycle needs it ({@link Models}).
 *
 * @param model        a built-in id, an ONNX manifest ({@code .json}) or {@code chronos-bolt:DIR}
 * @param modelStore   per-symbol model choices written by {@code sextant select-models}; empty: every symbol uses
 *                     {@code model}
 * @param seed         seed for models that sample
 * @param batch        series per Chronos-Bolt call, at least 1
 * @param maxContext   most bars of context a Chronos-Bolt model sees, at least 16
 * @param onnxThreads  ONNX Runtime threads (0 = its default)
 * @param onnxBatch    contexts per ONNX call
 * @param onnxProvider where ONNX Runtime runs
 */
record ForecastConfig(String model, Optional<Path> modelStore, long seed, int batch, int maxContext, int onnxThreads,
                      int onnxBatch, ExecutionProvider onnxProvider) {
    ForecastConfig {
        if (batch < 1) {
            throw new IllegalArgumentException("'forecast.batch' must be >= 1, got " + batch);
        }
        if (maxContext < 16) {
            throw new IllegalArgumentException("'forecast.max-context' must be >= 16 bars, got " + maxContext);
        }
    }

    /** The ledger's record of the model: the configured spec, plus the per-symbol store when there is one. */
    String describe() {
        return model + modelStore.map(s -> " (per-symbol store " + s + ")").orElse("");
    }

    static ForecastConfig from(ConfigTree t) {
        String store = t.string("forecast.model-store");
        String provider = t.string("forecast.onnx-provider");
        ExecutionProvider ep;
        try {
            ep = ExecutionProvider.valueOf(provider.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'forecast.onnx-provider' must be cpu or cuda, got '" + provider + "'", e);
        }
        // Negative thread counts were always read as "the runtime's default", as 0 is.
        return new ForecastConfig(t.string("forecast.model"), store.isBlank() ? Optional.empty() : Optional.of(Path.of(store)),
                t.integer("forecast.seed"), t.integer("forecast.batch"), t.integer("forecast.max-context"),
                Math.max(0, t.integer("forecast.onnx-threads")), t.integer("forecast.onnx-batch"), ep);
    }
}
