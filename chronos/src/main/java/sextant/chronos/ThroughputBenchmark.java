package sextant.chronos;

import java.util.SplittableRandom;

/**
 * Series per second of one model call shape (batch × context), on random-walk series, after warm-up calls until the
 * JIT has settled and one untimed call of the full shape. It times {@link ChronosBoltModel#predict} itself: what a cycle pays per batch.
 */
public final class ThroughputBenchmark {
    /** One measured configuration. */
    public record Result(int batch, int context, double seriesPerSecond, double secondsPerCall, int calls) {
    }

    private ThroughputBenchmark() {
    }

    /** Runs calls until at least {@code minSeconds} have passed (and at least one call). */
    public static Result measure(ChronosBoltModel model, int batch, int context, double minSeconds) {
        int len = Math.min(context, model.config().contextLength());
        float[] ctx = new float[batch * len];
        SplittableRandom r = new SplittableRandom(42);
        for (int b = 0; b < batch; b++) {
            double x = 100;
            for (int i = 0; i < len; i++) {
                x *= 1 + 0.01 * (r.nextDouble() - 0.5);
                ctx[b * len + i] = (float) x;
            }
        }
        model.warmUp(len, 30);
        model.predict(ctx, batch, len);
        int calls = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
            model.predict(ctx, batch, len);
            calls++;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < minSeconds * 1e9);
        double seconds = elapsed / 1e9;
        return new Result(batch, context, (double) batch * calls / seconds, seconds / calls, calls);
    }
}
