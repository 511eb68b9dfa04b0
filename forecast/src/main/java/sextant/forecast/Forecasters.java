package sextant.forecast;

import java.util.List;
import java.util.Map;
import sextant.core.forecast.Forecaster;

/**
 * Registry of the built-in, pure-Java forecasters. The cycle calls {@link #create(String, long)} with the
 * config key {@code forecast.model} (default {@link #DEFAULT_ID}) or with the model a {@code ModelStore}
 * picked for a symbol.
 */
public final class Forecasters {
    /** The best built-in model on the shared daily data (see forecast-eval). */
    public static final String DEFAULT_ID = RangeVolForecaster.ID;

    private static final List<String> IDS = List.of(NaiveForecaster.ID, RangeVolForecaster.ID, RidgeForecaster.ID);

    private Forecasters() {
    }

    /** Built-in ids, baseline first. */
    public static List<String> ids() {
        return IDS;
    }

    public static boolean isBuiltIn(String id) {
        return IDS.contains(id);
    }

    /** The control that replays run beside the real model: a constant ±1 % band (see {@link ConstantBandForecaster}). */
    public static final String CONSTANT_BAND_ID = ConstantBandForecaster.ID;

    /** A built-in model with default parameters. */
    public static Forecaster create(String id, long seed) {
        return create(id, seed, Map.of());
    }

    /**
     * A built-in model with parameters from {@code config} (a store record's {@code config}; missing keys take
     * defaults, unknown keys are an error). The built-in models use no randomness, so {@code seed} changes
     * nothing; it is accepted so that every model is created the same way.
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones, or the bad parameter
     */
    public static Forecaster create(String id, long seed, Map<String, ?> config) {
        return switch (id) {
            case NaiveForecaster.ID -> NaiveForecaster.fromConfig(config);
            case RangeVolForecaster.ID -> RangeVolForecaster.fromConfig(config);
            case RidgeForecaster.ID -> RidgeForecaster.fromConfig(config);
            case ConstantBandForecaster.ID -> ConstantBandForecaster.fromConfig(config);
            default -> throw new IllegalArgumentException("unknown forecasting model '" + id + "' (built-in: "
                    + String.join(", ", IDS) + ")");
        };
    }

    /** The parameters of a forecaster as a store record's {@code config} object. */
    public static Map<String, Object> config(Forecaster f) {
        if (f instanceof BuiltInModel m) {
            return m.config();
        }
        return Map.of("name", f.id(), "parameters_key", f.parametersKey(), "context_length", f.contextLength());
    }
}
