package sextant.forecast;

import java.util.Map;
import java.util.StringJoiner;
import sextant.core.forecast.Forecaster;

/**
 * A built-in model that can describe its parameters as a store record's {@code config} object. The subclass checks
 * its parameters while it builds the spec it hands to this constructor, so a model never exists with a spec that
 * disagrees with what it computes.
 */
abstract class BuiltInModel implements Forecaster {
    private final ModelSpec spec;

    BuiltInModel(ModelSpec spec) {
        this.spec = spec;
    }

    /** The model's id, context length and parameters, fixed when it was built. */
    final ModelSpec spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec().id();
    }

    @Override
    public int contextLength() {
        return spec().contextLength();
    }

    /** Every parameter, under the names {@link Forecasters#create(String, long, Map)} accepts; "name" first. */
    Map<String, Object> config() {
        return spec().config();
    }

    /** Built-in models keep only final parameters; every call works on its own arrays. */
    @Override
    public boolean threadSafe() {
        return true;
    }

    /**
     * {@code key=value} for every {@link #config()} entry but the name, in its order, joined by ';'. Derived from the
     * config so that a parameter added there cannot be left out of the key the forecast store files results under.
     */
    @Override
    public String parametersKey() {
        StringJoiner key = new StringJoiner(";");
        config().forEach((k, v) -> {
            if (!k.equals("name")) {
                key.add(k + "=" + v);
            }
        });
        return key.toString();
    }
}
