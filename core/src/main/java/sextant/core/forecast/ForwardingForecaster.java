package sextant.core.forecast;

import java.util.Objects;

/**
 * A decorator's base: every {@link Forecaster} method but {@link #forecast} answers as the wrapped model does, so a
 * decorator overrides only what it changes (the cache its forecasts, the shuffled control its id, key and context).
 * In particular thread safety and warm-up are the model's: a decorator that added mutable state would have to say so.
 */
public abstract class ForwardingForecaster implements Forecaster {
    /** The wrapped model. */
    protected final Forecaster model;

    protected ForwardingForecaster(Forecaster model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public String parametersKey() {
        return model.parametersKey();
    }

    @Override
    public int contextLength() {
        return model.contextLength();
    }

    @Override
    public boolean threadSafe() {
        return model.threadSafe();
    }

    @Override
    public void warmUp(int batchSize) {
        model.warmUp(batchSize);
    }

    @Override
    public void close() {
        model.close();
    }
}
