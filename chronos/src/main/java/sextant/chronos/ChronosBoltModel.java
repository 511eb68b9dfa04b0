package sextant.chronos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import sextant.core.forecast.ModelLoadException;

/**
 * A Chronos-Bolt checkpoint directory ({@code config.json} + {@code model.safetensors}) loaded for inference in
 * pure Java. {@link #predict} runs one model call: a batch of equal-length contexts (NaN = missing, already no longer
 * than the context length) to {@code [series][quantile][step]} forecasts over the model's own horizon. The batch is
 * cut into chunks that worker threads take in turn, each with its own buffers, so calls are safe from several
 * threads.
 */
public final class ChronosBoltModel implements AutoCloseable {
    /** Rows (series × positions) per chunk: enough for the kernels' blocking, small enough to stay in cache-friendly sizes. */
    private static final int ROWS_PER_CHUNK = 1024;

    private final Path dir;
    private final ChronosConfig config;
    private final ChronosWeights weights;
    private final Kernels kernels;
    private final int threads;
    private final long parameters;
    private final @Nullable ExecutorService pool;

    private ChronosBoltModel(Path dir, ChronosConfig config, ChronosWeights weights, long parameters, Kernels kernels, int threads) {
        this.dir = dir;
        this.config = config;
        this.weights = weights;
        this.parameters = parameters;
        this.kernels = kernels;
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "chronos-bolt");
            th.setDaemon(true);
            return th;
        }) : null;
    }

    /**
     * Loads a checkpoint directory.
     *
     * @param threads worker threads for a batch; 0 means one per available processor
     * @throws ModelLoadException with a one-line message naming the file and the tensor or field
     */
    public static ChronosBoltModel open(Path dir, int threads) {
        return open(dir, threads, Kernels.select());
    }

    static ChronosBoltModel open(Path dir, int threads, Kernels kernels) {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(dir + ": not a directory; give a Chronos-Bolt checkpoint directory with config.json and model.safetensors");
        }
        Path configFile = dir.resolve("config.json");
        Path weightsFile = dir.resolve("model.safetensors");
        if (!Files.isRegularFile(configFile)) {
            throw new ModelLoadException(configFile + ": missing; a Chronos-Bolt checkpoint directory has config.json and model.safetensors");
        }
        if (!Files.isRegularFile(weightsFile)) {
            throw new ModelLoadException(weightsFile + ": missing; download model.safetensors next to config.json");
        }
        ChronosConfig config = ChronosConfig.read(configFile);
        SafetensorsFile file = SafetensorsFile.open(weightsFile);
        ChronosWeights weights = new ChronosWeights(config, file);
        long params = 0;
        for (SafetensorsFile.Entry e : file.entries().values()) {
            params += e.elements();
        }
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new ChronosBoltModel(dir, config, weights, params, kernels, n);
    }

    public Path directory() {
        return dir;
    }

    public ChronosConfig config() {
        return config;
    }

    /** Parameters stored in the checkpoint (elements of every tensor). */
    public long parameters() {
        return parameters;
    }

    /** "vector" (Vector API) or "scalar" (plain Java). */
    public String kernels() {
        return kernels.name();
    }

    public int threads() {
        return threads;
    }

    /**
     * One model call: {@code contexts} holds {@code batch} rows of {@code length} values each (row-major; NaN =
     * missing), {@code 1 <= length <= contextLength}. Returns {@code [batch][quantile][step]} over the model's
     * prediction length, in the units of the input.
     */
    public float[] predict(float[] contexts, int batch, int length) {
        return predict(contexts, batch, length, null);
    }

    float[] predict(float[] contexts, int batch, int length, EncoderDecoderPass.@Nullable Trace trace) {
        if (length < 1 || length > config.contextLength()) {
            throw new IllegalArgumentException("context length " + length + " outside 1.." + config.contextLength());
        }
        if (contexts.length != batch * length) {
            throw new IllegalArgumentException(contexts.length + " values for " + batch + " series of " + length);
        }
        float[] result = new float[batch * config.numQuantiles() * config.predictionLength()];
        if (batch == 0) {
            return result;
        }
        int t = EncoderDecoderPass.positions(config, length);
        float[] bias = RelativePositions.biasMatrix(weights.relativeBias, config.numHeads(), t, config.numBuckets(), config.maxDistance());
        int workers = trace != null ? 1 : Math.min(threads, batch);
        int perWorker = (batch + workers - 1) / workers;
        int chunk = trace != null ? batch : Math.max(1, Math.min(perWorker, ROWS_PER_CHUNK / t));
        int chunks = (batch + chunk - 1) / chunk;
        if (trace == null && workers > 1 && chunks % workers != 0) {
            // A whole number of chunks per worker, so that no core idles while the other does a last chunk (256
            // series at context 512 made 9 chunks of 31 for 2 workers: one did 5, the other waited a fifth of the call).
            chunks = Math.min(batch, (chunks + workers - 1) / workers * workers);
        }
        int chunkCount = chunks;
        int chunkSize = (batch + chunks - 1) / chunks;
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            EncoderDecoderPass pass = new EncoderDecoderPass(weights, kernels, chunkSize, length, bias);
            for (int i = next.getAndIncrement(); i < chunkCount; i = next.getAndIncrement()) {
                int first = (int) ((long) i * batch / chunkCount);
                int end = (int) ((long) (i + 1) * batch / chunkCount);
                pass.run(contexts, first, end - first, result, trace);
            }
        };
        if (workers == 1 || pool == null) {
            work.run();
            return result;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            futures.add(pool.submit(work));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while forecasting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return result;
    }

    /**
     * Runs small batches of synthetic series until a call is no longer clearly faster than the one before (the JIT
     * has compiled the kernels), at most {@code maxCalls}; returns the calls made. On a busy machine the compiler
     * threads get little time, and one call is far from enough.
     */
    public int warmUp(int length, int maxCalls) {
        int rows = Math.max(1, 6 * threads);
        int len = Math.max(1, Math.min(length, config.contextLength()));
        float[] ctx = new float[rows * len];
        for (int i = 0; i < ctx.length; i++) {
            ctx[i] = (float) (100 + Math.sin(0.3 * i));
        }
        long previous = Long.MAX_VALUE;
        for (int call = 1; call <= maxCalls; call++) {
            long t0 = System.nanoTime();
            predict(ctx, rows, len);
            long took = System.nanoTime() - t0;
            if (call >= 3 && took > 0.9 * previous) {
                return call;
            }
            previous = took;
        }
        return maxCalls;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
