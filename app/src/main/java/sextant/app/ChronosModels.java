package sextant.app;

import java.nio.file.Path;
import sextant.chronos.ChronosBoltForecaster;
import sextant.core.forecast.Forecaster;
import sextant.core.forecast.ModelLoadException;

/** Opens {@code forecast.model: chronos-bolt:DIR}, a Chronos-Bolt checkpoint run natively, with {@code forecast.batch}. */
final class ChronosModels {
    static final String PREFIX = ChronosBoltForecaster.PREFIX;

    private ChronosModels() {
    }

    /** {@code spec} is {@code chronos-bolt:DIR}; {@code source} is the configuration's, for the error message. */
    static Forecaster open(String source, ForecastConfig forecast, String spec) {
        String dir = spec.substring(PREFIX.length());
        if (dir.isBlank()) {
            throw new ConfigException(source + ": forecast.model: give the checkpoint directory after chronos-bolt:, e.g. chronos-bolt:models/chronos-bolt-small");
        }
        try {
            return ChronosBoltForecaster.open(Path.of(dir), forecast.batch(), 0, forecast.maxContext());
        } catch (ModelLoadException e) {
            throw new ConfigException("forecast.model: " + e.getMessage());
        }
    }
}
