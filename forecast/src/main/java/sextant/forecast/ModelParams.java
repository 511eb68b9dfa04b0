package sextant.forecast;

import java.util.Map;
import java.util.Set;

/** Reads a model's parameters from a config map (a store record's {@code config}), with defaults and clear errors. */
final class ModelParams {
    private final String model;
    private final Map<String, ?> config;

    ModelParams(String model, Map<String, ?> config, Set<String> known) {
        this.model = model;
        this.config = config;
        for (String key : config.keySet()) {
            if (!known.contains(key) && !key.equals("name")) {
                throw new IllegalArgumentException("model '" + model + "': unknown config key '" + key + "' (known: " + known + ")");
            }
        }
    }

    int intValue(String key, int dflt) {
        Object v = config.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new IllegalArgumentException("model '" + model + "': config '" + key + "' must be an integer, got " + v);
    }

    double doubleValue(String key, double dflt) {
        Object v = config.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("model '" + model + "': config '" + key + "' must be a finite number, got " + v);
    }

    static int checkContextLength(String model, int contextLength) {
        if (contextLength < 8) {
            throw new IllegalArgumentException("model '" + model + "': context_length " + contextLength + " is below 8 bars");
        }
        return contextLength;
    }

    static double checkPositive(String model, String key, double v) {
        return check(model, key, v, v > 0 && Double.isFinite(v), "> 0");
    }

    /** {@code value} when {@code ok}, else the error "model 'M': KEY must be RANGE, got VALUE". */
    static <T extends Number> T check(String model, String key, T value, boolean ok, String range) {
        if (!ok) {
            throw new IllegalArgumentException("model '" + model + "': " + key + " must be " + range + ", got " + value);
        }
        return value;
    }
}
