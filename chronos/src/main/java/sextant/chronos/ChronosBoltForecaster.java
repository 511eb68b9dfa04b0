package sextant.chronos;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Forecaster;
import sextant.core.forecast.ModelLoadException;
import sextant.core.forecast.Quantiles;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;

/**
 * A published Chronos-Bolt checkpoint behind the {@link Forecaster} SPI, run natively ({@code chronos-bolt:DIR}).
 *
 * <p>Each context with target index t gives three univariate series, the close, high and low levels of bars
 * {@code [max(0, t - T), t)} (T = the model's context length). The model forecasts their level at bar t (its first
 * step); each quantile q becomes the percent change {@code q / X[t-1] - 1}. The model's levels are mapped to
 * 0.1..0.9 as the reference's {@code predict_quantiles} does, sorted so they never cross, and the point forecast is
 * the median. The model's instance scaling makes the price scale irrelevant, so levels go in as they are.
 *
 * <p>Series go through the model {@code batch} at a time, each call left-padded with NaN only to its longest series.
 * Padding adds fully masked patches, which change no bit of any result (masked keys get weight exactly 0), and every
 * kernel sums in a fixed order whatever the rows; so a forecast does not depend on the batch it was computed in,
 * and the batch size is not part of {@link #parametersKey}.
 */
public final class ChronosBoltForecaster implements Forecaster {
    public static final String PREFIX = "chronos-bolt:";

    private final ChronosBoltModel model;
    private final int batch;
    /** The checkpoint's context length, or {@code forecast.max-context} when that is shorter. */
    private final int contextLength;
    private final String id;
    private final String parametersKey;
    private final long loadMillis;
    private final double[] levelsIn;
    private long warmUpMillis = -1;

    private ChronosBoltForecaster(ChronosBoltModel model, int batch, int maxContext, String fingerprint, long loadMillis) {
        this.model = model;
        this.contextLength = Math.min(model.config().contextLength(), maxContext);
        this.batch = batch;
        this.loadMillis = loadMillis;
        this.levelsIn = model.config().quantiles();
        this.id = PREFIX + model.directory().toAbsolutePath().normalize().getFileName();
        this.parametersKey = String.format(Locale.ROOT, "sha=%s;T=%d;H=%d;step=1;targets=close,high,low;kernels=%s",
                fingerprint, contextLength, model.config().predictionLength(), model.kernels());
    }

    /**
     * Loads a checkpoint directory (config.json + model.safetensors).
     *
     * @param batch series per model call ({@code forecast.batch})
     * @param threads worker threads; 0 = one per processor
     * @throws ModelLoadException with a one-line message naming the file and tensor or field
     */
    public static ChronosBoltForecaster open(Path dir, int batch, int threads) {
        return open(dir, batch, threads, Integer.MAX_VALUE);
    }

    /**
     * Loads a checkpoint whose context is cut to at most {@code maxContext} bars ({@code forecast.max-context}). A
     * context that reaches back to the start of the loaded bars moves with that start every day, so its forecasts
     * would be computed afresh each cycle; a trailing context shorter than the bars a cycle loads stays the same,
     * and each forecast is computed once.
     */
    public static ChronosBoltForecaster open(Path dir, int batch, int threads, int maxContext) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (maxContext < 1) {
            throw new IllegalArgumentException("the context must be >= 1 bar, got " + maxContext);
        }
        long t0 = System.nanoTime();
        ChronosBoltModel model = ChronosBoltModel.open(dir, threads);
        String fingerprint = fingerprint(dir);
        return new ChronosBoltForecaster(model, batch, maxContext, fingerprint, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The first 16 hex digits of SHA-256 over config.json and model.safetensors: new weights, new key. */
    static String fingerprint(Path dir) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Files.readAllBytes(dir.resolve("config.json")));
            try (FileChannel ch = FileChannel.open(dir.resolve("model.safetensors"), StandardOpenOption.READ)) {
                // The pages were just read to pack the weights, so hashing the mapping reads them from memory.
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
                md.update(map);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new ModelLoadException(dir + ": cannot read the checkpoint: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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
        return contextLength;
    }

    /**
     * False: one call already uses every core (the batch is split across the model's worker threads), so the cycle
     * should hand over the whole batch rather than split it again.
     */
    @Override
    public boolean threadSafe() {
        return false;
    }

    /** Runs small batches until the kernels are compiled, before the cycle's timed work. Idempotent. */
    @Override
    public synchronized void warmUp(int batchSize) {
        if (warmUpMillis >= 0) {
            return;
        }
        long t0 = System.nanoTime();
        model.warmUp(256, 10);
        warmUpMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public ForecastBatch forecast(List<ForecastContext> contexts) {
        int n = contexts.size();
        ForecastBatch out = new ForecastBatch(n);
        int rows = n * Target.COUNT;
        int q = model.config().numQuantiles();
        int h = model.config().predictionLength();
        double[] mapped = new double[Quantiles.COUNT];
        float[] augmented = new float[q + 2];
        for (int start = 0; start < rows; start += batch) {
            int count = Math.min(batch, rows - start);
            List<float[]> series = new ArrayList<>(count);
            int longest = 1;
            for (int r = start; r < start + count; r++) {
                float[] s = levels(contexts.get(r / Target.COUNT), Target.at(r % Target.COUNT));
                series.add(s);
                longest = Math.max(longest, s.length);
            }
            float[] ctx = new float[count * longest];
            for (int i = 0; i < count; i++) {
                float[] s = series.get(i);
                Arrays.fill(ctx, i * longest, (i + 1) * longest - s.length, Float.NaN);
                System.arraycopy(s, 0, ctx, (i + 1) * longest - s.length, s.length);
            }
            float[] pred = model.predict(ctx, count, longest);
            for (int i = 0; i < count; i++) {
                int r = start + i;
                ForecastContext c = contexts.get(r / Target.COUNT);
                Target g = Target.at(r % Target.COUNT);
                double base = g.series(c.bars())[c.targetIndex() - 1];
                for (int k = 0; k < q; k++) {
                    augmented[k + 1] = pred[(i * q + k) * h];
                }
                mapLevels(augmented, q, levelsIn, mapped);
                for (int k = 0; k < Quantiles.COUNT; k++) {
                    mapped[k] = mapped[k] / base - 1.0;
                }
                Arrays.sort(mapped);
                for (int k = 0; k < Quantiles.COUNT; k++) {
                    out.setQuantile(r / Target.COUNT, g, k, mapped[k]);
                }
                out.setPoint(r / Target.COUNT, g, mapped[Quantiles.MEDIAN]);
            }
        }
        return out;
    }

    /** The levels of one target over bars {@code [max(0, t - T), t)}, never bar t or later. */
    private float[] levels(ForecastContext c, Target g) {
        BarSeries bars = c.bars();
        int t = c.targetIndex();
        int from = Math.max(0, t - contextLength());
        double[] x = g.series(bars);
        float[] s = new float[t - from];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) x[from + i];
        }
        return s;
    }

    /**
     * Sextant's 0.1..0.9 from the model's levels: taken directly when they are the same grid, else interpolated as the
     * reference's predict_quantiles does (grid with its first and last value repeated, linear empirical quantiles).
     * {@code augmented[1..q]} holds the model's quantiles; slots 0 and q+1 are filled here.
     */
    static void mapLevels(float[] augmented, int q, double[] modelLevels, double[] out) {
        if (Arrays.equals(modelLevels, Quantiles.levels())) {
            for (int k = 0; k < Quantiles.COUNT; k++) {
                out[k] = augmented[k + 1];
            }
            return;
        }
        augmented[0] = augmented[1];
        augmented[q + 1] = augmented[q];
        float[] sorted = Arrays.copyOf(augmented, q + 2);
        Arrays.sort(sorted);
        for (int k = 0; k < Quantiles.COUNT; k++) {
            out[k] = ChronosBoltPipeline.quantileOfSorted(sorted, sorted.length, (float) Quantiles.level(k));
        }
    }

    public ChronosBoltModel model() {
        return model;
    }

    public int batchSize() {
        return batch;
    }

    /** Time {@link #open} took: reading, checking and packing the weights, and fingerprinting them ("model load"). */
    public long loadMillis() {
        return loadMillis;
    }

    /** Time of {@link #warmUp}, or -1 before it. */
    public synchronized long warmUpMillis() {
        return warmUpMillis;
    }

    @Override
    public void close() {
        model.close();
    }
}
