package sextant.onnx;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Forecaster;
import sextant.core.forecast.ModelLoadException;
import sextant.core.forecast.Quantiles;
import sextant.core.forecast.Target;

/**
 * A foundation-model forecaster (Chronos-Bolt, Chronos-2, TimesFM, Toto-2.0 exported to ONNX) behind the
 * {@link Forecaster} SPI.
 *
 * <p>Per context with target index t, the model reads the close, high and low levels of bars
 * {@code [max(0, t - T), t)} (T = manifest context length; shorter histories are left-padded with NaN) and predicts
 * their levels at bar t (the first of its prediction steps). A univariate model sees the three series as three
 * independent rows; a multivariate model sees one row with V = 3 (close, high, low), read back from
 * {@code [Q,B,V,H]} by variate. Each predicted quantile q of target X becomes the percent change
 * {@code q / X[t-1] - 1}; the model's levels are interpolated to 0.1..0.9, sorted so they never cross, and the
 * point forecast is the median. All contexts go through one {@link QuantileModel#predict} in fixed-size batches.
 *
 * <p>Lifecycle: {@link #open} loads and validates (any mismatch throws {@link ModelLoadException} before cycle
 * work starts); {@link #warmUp} runs the single batch shape once; {@link #loadMillis()} and
 * {@link #warmUpMillis()} feed the phase table's "model load" and "warm-up" rows.
 */
public final class OnnxForecaster implements Forecaster {
    private final QuantileModel model;
    private final QuantileInterpolator interpolator;
    private final String id;
    private final String parametersKey;
    private final long loadMillis;

    private OnnxForecaster(QuantileModel model, long loadMillis) {
        this.model = model;
        this.loadMillis = loadMillis;
        ModelManifest m = model.manifest();
        this.interpolator = new QuantileInterpolator(m.quantileLevels());
        this.id = "onnx:" + m.name();
        StringBuilder levels = new StringBuilder();
        for (double q : m.quantileLevels()) {
            levels.append(levels.length() == 0 ? "" : ",").append(q);
        }
        // Everything that can change a forecast's bits: the model's bytes, how rows are built and read, and the
        // things that can change floating-point order (batch shape, provider, graph optimisation level).
        this.parametersKey = String.format(Locale.ROOT, "sha=%s;layout=%s->%s;T=%d;step=1;levels=%s;norm=close@%.0f;batch=%d;ep=%s;opt=%s",
                model.fingerprint(), m.layout().input(), m.layout().output(), m.contextLength(), levels, ContextSamples.LEVEL,
                model.batchSize(), model.provider(), SessionFactory.OPTIMISATION);
    }

    /**
     * Loads the model a manifest describes and validates it against the session's real inputs and outputs.
     *
     * @throws ModelLoadException with a one-line message naming the file and field, on any problem
     */
    public static OnnxForecaster open(Path manifest, OnnxOptions options) {
        long t0 = System.nanoTime();
        QuantileModel model = QuantileModel.open(manifest, options);
        return new OnnxForecaster(model, (System.nanoTime() - t0) / 1_000_000);
    }

    static OnnxForecaster open(ModelManifest manifest, OnnxOptions options, SessionFactory factory, OptimizedModelCache cache) {
        long t0 = System.nanoTime();
        QuantileModel model = QuantileModel.open(manifest, options, factory, cache);
        return new OnnxForecaster(model, (System.nanoTime() - t0) / 1_000_000);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String parametersKey() {
        return parametersKey;
    }

    @Override
    public int contextLength() {
        return model.manifest().contextLength();
    }

    /**
     * Runs the model once on the single batch shape ({@link #batchSize()} rows). {@code batchSize} is the number of
     * contexts the cycle will forecast; it does not change the shape, because every batch is padded to the fixed
     * size. Idempotent.
     */
    @Override
    public void warmUp(int batchSize) {
        model.warmUp(Target.COUNT);
    }

    @Override
    public ForecastBatch forecast(List<ForecastContext> contexts) {
        int n = contexts.size();
        ForecastBatch out = new ForecastBatch(n);
        if (n == 0) {
            return out;
        }
        // Warm-up first, so its cost is reported as warm-up even when the caller skipped it.
        model.warmUp(Target.COUNT);
        boolean univariate = model.manifest().layout() == Layout.UNIVARIATE;
        ContextSamples samples = new ContextSamples(contexts, contextLength(), univariate);
        QuantileOutput q = model.predict(samples);
        int levels = q.quantiles();
        double[] modelQ = new double[levels];
        double[] ours = new double[Quantiles.COUNT];
        for (int c = 0; c < n; c++) {
            for (Target g : Target.values()) {
                int sample = univariate ? c * Target.COUNT + g.index() : c;
                int variate = univariate ? 0 : g.index();
                double base = samples.lastScaled(c, g);
                for (int k = 0; k < levels; k++) {
                    modelQ[k] = q.get(sample, variate, k, 0) / base - 1.0;
                }
                interpolator.apply(modelQ, ours);
                QuantileInterpolator.sortAscending(ours);
                for (int k = 0; k < Quantiles.COUNT; k++) {
                    out.setQuantile(c, g, k, ours[k]);
                }
                out.setPoint(c, g, ours[Quantiles.MEDIAN]);
            }
        }
        return out;
    }

    /** Time {@link #open} took: runtime start, fingerprint, session creation, validation ("model load"). */
    public long loadMillis() {
        return loadMillis;
    }

    /** Time of the first run on the batch shape ("warm-up"), or -1 before {@link #warmUp}. */
    public long warmUpMillis() {
        return model.warmUpMillis();
    }

    public int batchSize() {
        return model.batchSize();
    }

    public ExecutionProvider provider() {
        return model.provider();
    }

    public CacheStatus cacheStatus() {
        return model.cacheStatus();
    }

    /** Fallbacks and cache notes the app should print once at start-up. */
    public List<String> notes() {
        return model.notes();
    }

    /** The underlying model (bench and model-check use it directly). */
    public QuantileModel model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
