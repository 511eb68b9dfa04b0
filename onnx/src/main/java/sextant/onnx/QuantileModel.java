package sextant.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sextant.core.forecast.ModelLoadException;

/**
 * A loaded quantile forecaster: the ONNX session, validated against its manifest, plus Sextant's batching.
 *
 * <p>Every run has the same shape {@code [batchSize, (V,) T]}: rows are left-padded with NaN to the context length
 * (the manifest's missing-value convention), and the last batch is filled up with copies of its first row whose
 * outputs are dropped. ONNX Runtime therefore sees a single input shape, which is the one {@link #warmUp} primed.
 * The same code serves the forecaster and {@code sextant model-check}, so the golden check covers it.
 */
public final class QuantileModel implements AutoCloseable {
    /** Variates the warm-up uses for a B,V,T model whose V is dynamic: close, high and low. */
    static final int DEFAULT_VARIATES = 3;

    private final ModelManifest manifest;
    private final SessionFactory.Created created;
    private final OrtSession session;
    private final OrtEnvironment env;
    private final int batchSize;
    private final long fixedVariates;
    private final int quantiles;
    private final int horizon;
    private final List<String> notes;
    private final Set<String> outputNames;
    private @Nullable FloatBuffer input;
    private int inputVariates = -1;
    private long runs;
    private long warmUpMillis = -1;
    private boolean closed;

    private QuantileModel(ModelManifest manifest, SessionFactory.Created created, OnnxOptions options) {
        this.manifest = manifest;
        this.created = created;
        this.session = created.session();
        this.env = created.env();
        this.notes = new ArrayList<>(created.notes());
        SessionValidator.Dims dims = SessionValidator.validate(session, manifest);
        if (dims.batch() > 0 && dims.batch() != options.batchSize()) {
            notes.add("model has a fixed batch of " + dims.batch() + "; using it instead of the configured " + options.batchSize());
            this.batchSize = (int) dims.batch();
        } else {
            this.batchSize = options.batchSize();
        }
        this.fixedVariates = dims.variates();
        this.quantiles = manifest.quantileLevels().length;
        this.horizon = manifest.predictionLength();
        this.outputNames = Set.of(manifest.output());
    }

    /** Reads the manifest, creates the session and validates it; no inference yet (see {@link #warmUp}). */
    public static QuantileModel open(Path manifestPath, OnnxOptions options) {
        return open(ModelManifest.read(manifestPath), options, new SessionFactory(), null);
    }

    static QuantileModel open(ModelManifest manifest, OnnxOptions options, SessionFactory factory, @Nullable OptimizedModelCache cache) {
        SessionFactory.Created created = factory.create(manifest, options, cache);
        try {
            return new QuantileModel(manifest, created, options);
        } catch (RuntimeException e) {
            closeQuietly(created.session());
            throw e;
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** Rows per session run (the configured size, or the model's fixed batch dimension). */
    public int batchSize() {
        return batchSize;
    }

    /** The provider that really runs the model (CPU after a CUDA fallback). */
    public ExecutionProvider provider() {
        return created.provider();
    }

    public CacheStatus cacheStatus() {
        return created.cache();
    }

    /** The optimised-model cache entry that was read or written, or null. */
    public @Nullable Path cacheEntry() {
        return created.cacheEntry();
    }

    /** First 16 hex digits of the model file's SHA-256. */
    public String fingerprint() {
        return created.fingerprint();
    }

    /** Things the user should know (fallbacks, cache location); empty when all went as configured. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Time to load ONNX Runtime's native library and environment (paid once per process). */
    public long runtimeInitMillis() {
        return created.runtimeInitMillis();
    }

    /** Time to fingerprint the file and create the session (graph optimisation or cache load). */
    public long sessionCreateMillis() {
        return created.sessionCreateMillis();
    }

    /** Warm-up time, or -1 before {@link #warmUp}. */
    public synchronized long warmUpMillis() {
        return warmUpMillis;
    }

    /** Session runs so far (warm-up included); tests use it to see the batching. */
    public synchronized long runs() {
        return runs;
    }

    /**
     * Runs the model once on the one shape every later run uses, and checks the output's real shape. Idempotent:
     * only the first call does work. Returns the time it took.
     */
    public synchronized long warmUp(int variates) {
        if (warmUpMillis >= 0) {
            return warmUpMillis;
        }
        long t0 = System.nanoTime();
        int v = manifest.layout() == Layout.UNIVARIATE ? 1 : variates;
        predict(new SyntheticSamples(1, v, manifest.contextLength()));
        warmUpMillis = (System.nanoTime() - t0) / 1_000_000;
        return warmUpMillis;
    }

    /** Forecasts every sample, in batches of {@link #batchSize()}; result i answers sample i. */
    public synchronized QuantileOutput predict(SeriesSamples samples) {
        if (closed) {
            throw new IllegalStateException("model " + manifest.name() + " is closed");
        }
        int n = samples.size();
        int v = samples.variates();
        checkVariates(v);
        float[] out = new float[n * v * quantiles * horizon];
        QuantileOutput result = new QuantileOutput(out, n, v, quantiles, horizon);
        int t = manifest.contextLength();
        FloatBuffer in = inputBuffer(v);
        long[] shape = manifest.layout() == Layout.UNIVARIATE ? new long[] {batchSize, t} : new long[] {batchSize, v, t};
        for (int start = 0; start < n; start += batchSize) {
            int rows = Math.min(batchSize, n - start);
            fill(in, samples, start, rows, v, t);
            runBatch(in, shape, result, start, rows);
        }
        return result;
    }

    private void checkVariates(int v) {
        if (manifest.layout() == Layout.UNIVARIATE && v != 1) {
            throw new IllegalArgumentException(manifest.name() + " is univariate (B,T) but samples have " + v + " variates");
        }
        if (v < 1 || (fixedVariates > 0 && v != fixedVariates)) {
            throw new IllegalArgumentException(manifest.name() + " takes " + fixedVariates + " variates per row, samples have " + v);
        }
    }

    private FloatBuffer inputBuffer(int v) {
        if (input == null || inputVariates != v) {
            int floats = Math.multiplyExact(Math.multiplyExact(batchSize, v), manifest.contextLength());
            // Direct and native-ordered: ONNX Runtime then reads it in place instead of copying each batch.
            input = ByteBuffer.allocateDirect(Math.multiplyExact(floats, Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
            inputVariates = v;
        }
        return input;
    }

    /** Left-pads each series with NaN to length t; fills rows past {@code rows} with copies of row 0. */
    private void fill(FloatBuffer in, SeriesSamples s, int start, int rows, int v, int t) {
        int rowFloats = v * t;
        for (int b = 0; b < rows; b++) {
            int sample = start + b;
            for (int j = 0; j < v; j++) {
                int base = (b * v + j) * t;
                int len = s.length(sample, j);
                int use = Math.min(len, t);
                int pad = t - use;
                for (int k = 0; k < pad; k++) {
                    in.put(base + k, Float.NaN);
                }
                int from = len - use;
                for (int k = 0; k < use; k++) {
                    in.put(base + pad + k, s.value(sample, j, from + k));
                }
            }
        }
        for (int b = rows; b < batchSize; b++) {
            int dst = b * rowFloats;
            for (int k = 0; k < rowFloats; k++) {
                in.put(dst + k, in.get(k));
            }
        }
    }

    private void runBatch(FloatBuffer in, long[] shape, QuantileOutput result, int start, int rows) {
        in.rewind();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, in, shape);
             OrtSession.Result res = session.run(Map.of(manifest.input(), tensor), outputNames)) {
            runs++;
            OnnxValue value = res.get(manifest.output()).orElseThrow(
                    () -> new ModelLoadException(manifest.modelPath() + ": run returned no output '" + manifest.output() + "'"));
            if (!(value instanceof OnnxTensor outTensor)) {
                throw new ModelLoadException(manifest.modelPath() + ": output '" + manifest.output() + "' is not a tensor");
            }
            int v = result.variates();
            long[] expected = manifest.layout() == Layout.UNIVARIATE
                    ? new long[] {batchSize, quantiles, horizon}
                    : new long[] {quantiles, batchSize, v, horizon};
            long[] actual = outTensor.getInfo().getShape();
            if (!Arrays.equals(expected, actual)) {
                throw new ModelLoadException(manifest.manifestPath() + ": model output '" + manifest.output() + "' has shape "
                        + Arrays.toString(actual) + ", expected " + Arrays.toString(expected) + " from output_layout "
                        + manifest.layout().output() + ", quantile_levels and prediction_length");
            }
            scatter(outTensor.getFloatBuffer(), result, start, rows, v);
        } catch (OrtException e) {
            throw new IllegalStateException(manifest.modelPath() + ": ONNX Runtime run failed: " + SessionFactory.oneLine(e), e);
        }
    }

    /** Copies the model's layout into the canonical [sample][variate][quantile][step] order. */
    private void scatter(FloatBuffer fb, QuantileOutput result, int start, int rows, int v) {
        float[] out = result.raw();
        boolean uni = manifest.layout() == Layout.UNIVARIATE;
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < v; j++) {
                for (int q = 0; q < quantiles; q++) {
                    int src = uni ? (b * quantiles + q) * horizon : ((q * batchSize + b) * v + j) * horizon;
                    int dst = result.index(start + b, j, q, 0);
                    for (int h = 0; h < horizon; h++) {
                        out[dst + h] = fb.get(src + h);
                    }
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(session);
        }
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException ignored) {
            // Closing releases native memory; a failure here leaves nothing the caller could fix.
        }
    }

    /** A smooth deterministic series near 100 (the scale Sextant feeds), used only to warm the session up. */
    private record SyntheticSamples(int size, int variates, int length) implements SeriesSamples {
        @Override
        public int length(int sample, int variate) {
            return length;
        }

        @Override
        public float value(int sample, int variate, int k) {
            return (float) (100.0 + Math.sin(0.3 * k + variate));
        }
    }
}
