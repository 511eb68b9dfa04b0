package sextant.app;

import java.nio.file.Path;
import sextant.chronos.ChronosBoltForecaster;
import sextant.chronos.ChronosLoadException;
import sextant.core.forecast.Forecaster;

/** Opens {@code forecast.model: chronos-bolt:DIR}, a Chronos-Bolt checkpoint run natively, with {@code forecast.batch}. */
final class ChronosModels {
    static final String PREFIX = ChronosBoltForecaster.PREFIX;

    private ChronosModels() {
    }

    static Forecaster open(SextantConfig cfg, String spec) {
        String dir = spec.substring(PREFIX.length());
        int batch = cfg.integer("forecast.batch");
        int maxContext = cfg.integer("forecast.max-context");
        if (dir.isBlank()) {
            throw new ConfigException(cfg.source() + ": forecast.model: give the checkpoint directory after chronos-bolt:, e.g. chronos-bolt:models/chronos-bolt-small");
        }
        if (batch < 1) {
            throw new ConfigException(cfg.source() + ": 'forecast.batch' must be >= 1, got " + batch);
        }
        if (maxContext < 16) {
            throw new ConfigException(cfg.source() + ": 'forecast.max-context' must be >= 16 bars, got " + maxContext);
        }
        try {
            return ChronosBoltForecaster.open(Path.of(dir), batch, 0, maxContext);
        } catch (ChronosLoadException e) {
            throw new ConfigException("forecast.model: " + e.getMessage());
        }
    }
}
