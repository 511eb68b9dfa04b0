package sextant.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a built-in model says about itself: its id, how many bars before the target it reads, and its parameters as
 * a store record's {@code config} object. "name" comes first, then the parameters in the order they were added,
 * which is the order {@link BuiltInModel#parametersKey()} files forecasts under: keep it when adding one.
 */
final class ModelSpec {
    private final String id;
    private final int contextLength;
    private final Map<String, Object> config = new LinkedHashMap<>();

    ModelSpec(String id, int contextLength) {
        this.id = id;
        this.contextLength = contextLength;
        config.put("name", id);
    }

    /** Adds one parameter under the name {@link Forecasters#create(String, long, Map)} accepts; built once, then read. */
    ModelSpec with(String key, Object value) {
        config.put(key, value);
        return this;
    }

    String id() {
        return id;
    }

    int contextLength() {
        return contextLength;
    }

    /** A fresh copy: callers may add to it (a store record's metadata) without changing the model. */
    Map<String, Object> config() {
        return new LinkedHashMap<>(config);
    }
}
