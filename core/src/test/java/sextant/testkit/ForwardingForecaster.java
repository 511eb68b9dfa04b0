package sextant.testkit;

import java.util.List;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Forecaster;

/**
 * A forecaster that passes every call to a real model: a test overrides only the call it watches or breaks
 * (counting the contexts that reach the model, failing as a broken export would), and the rest stays the model's.
 * {@link #threadSafe()} is not passed on: a subclass that watches calls holds state, so it stays single-threaded
 * unless it says otherwise.
 */
public abstract class ForwardingForecaster implements Forecaster {
    protected final Forecaster delegate;

    protected ForwardingForecaster(Forecaster delegate) {
        this.delegate = delegate;
    }

    // Pure forwarding, one line each: there is nothing to read between the braces.
    @Override public ForecastBatch forecast(List<ForecastContext> contexts) { return delegate.forecast(contexts); }
    @Override public String id() { return delegate.id(); }
    @Override public String parametersKey() { return delegate.parametersKey(); }
    @Override public int contextLength() { return delegate.contextLength(); }
    @Override public void warmUp(int batchSize) { delegate.warmUp(batchSize); }
    @Override public void close() { delegate.close(); }
}
