package sextant.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import sextant.core.forecast.Forecaster;
import sextant.core.market.Instrument;
import sextant.engine.ModelRouting;
import sextant.forecast.Forecasters;
import sextant.forecast.store.ModelRecord;
import sextant.forecast.store.ModelStore;

/**
 * Builds the forecasting models named by the configuration: {@code forecast.model} is a built-in id or the path
 * of an ONNX manifest; {@code forecast.model-store} optionally picks a model per symbol. Models with the same id
 * and parameters are shared so that their contexts are batched together.
 */
final class Models {
    private Models() {
    }

    static ModelRouting load(SextantConfig cfg, List<Instrument> universe) {
        long seed = cfg.forecast().seed();
        Forecaster defaultModel = create(cfg, cfg.forecast().model(), Map.of(), seed);
        if (cfg.forecast().modelStore().isEmpty()) {
            return ModelRouting.single(defaultModel);
        }
        ModelStore store = ModelStore.open(cfg.forecast().modelStore().get());
        Map<String, Forecaster> shared = new HashMap<>();
        Map<String, Forecaster> bySymbol = new HashMap<>();
        for (Instrument inst : universe) {
            store.best(inst.symbol()).ifPresent(rec -> {
                if (!Forecasters.isBuiltIn(rec.model())) {
                    // The original's stores name toto/kronos/chronos2, which are not built in: keep the default.
                    LoggerFactory.getLogger(Models.class).warn("{}: model store names '{}', which is not available;"
                            + " using {}", inst.symbol(), rec.model(), defaultModel.id());
                    return;
                }
                bySymbol.put(inst.symbol(), shared.computeIfAbsent(rec.model() + "|" + rec.config(),
                        k -> fromRecord(cfg, rec, seed)));
            });
        }
        return new ModelRouting(defaultModel, bySymbol);
    }

    private static Forecaster fromRecord(SextantConfig cfg, ModelRecord rec, long seed) {
        try {
            return create(cfg, rec.model(), rec.config(), seed);
        } catch (RuntimeException e) {
            throw new ConfigException("forecast.model-store: " + rec.symbol() + ": " + e.getMessage());
        }
    }

    static Forecaster create(SextantConfig cfg, String spec, Map<String, ?> params, long seed) {
        if (spec.startsWith(ChronosModels.PREFIX)) {
            return ChronosModels.open(cfg.source(), cfg.forecast(), spec);
        }
        if (spec.endsWith(".json")) {
            return OnnxModels.open(cfg.forecast(), Path.of(spec));
        }
        try {
            return Forecasters.create(spec, seed, params);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(cfg.source() + ": forecast.model: " + e.getMessage()
                    + "; or give the path of an ONNX manifest (.json), or chronos-bolt:DIR for a Chronos-Bolt checkpoint");
        }
    }
}
