package sextant.core.forecast;

import java.util.List;

/**
 * Port (SPI): a next-bar forecaster of close/high/low percent changes, designed for batching. One call takes
 * every context of a cycle (symbols x windows); implementations vectorise or batch as they can.
 *
 * <p>Rules: deterministic for a fixed configuration and seed; contexts of unequal length are accepted; the
 * forecast for {@code ctx.targetIndex()} reads only bars before it; quantiles are non-decreasing.
 */
public interface Forecaster extends AutoCloseable {

    /** Model id, e.g. {@code naive}, {@code range-vol}, {@code onnx:tiny-quantile-univariate}. */
    String id();

    /**
     * A stable string of every parameter that changes outputs (for cache keys). Two forecasters with equal
     * {@code id()} and {@code parametersKey()} give equal forecasts for equal contexts.
     */
    String parametersKey();

    /**
     * How many trailing bars a forecast may read; 0 means the whole history. With a fixed length, a forecast of
     * a past bar never changes, so it can be stored and reused.
     */
    int contextLength();

    /** Forecasts every context; result row i answers {@code contexts.get(i)}. */
    ForecastBatch forecast(List<ForecastContext> contexts);

    /**
     * True when {@link #forecast} may be called from several threads at once (the cycle then splits a large batch
     * across its worker threads). False unless an implementation knows it holds no mutable state.
     */
    default boolean threadSafe() {
        return false;
    }

    /** Loads and warms the model on the batch shape the cycle will use. Built-in models need nothing. */
    default void warmUp(int batchSize) {
    }

    @Override
    default void close() {
    }
}
