package sextant.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.onnx.OnnxForecaster;

/**
 * Measures what a cycle pays for a foundation model: session creation (cold, or warm from the optimised-model
 * cache: run twice to see both), the warm-up run, and warm throughput in series per second (one series = one
 * context's close, high or low) on cycle-shaped synthetic contexts.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, description = "Benchmark an ONNX or Chronos-Bolt forecaster: load, warm-up, throughput.")
final class BenchForecastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OnnxModelOptions onnx;

    @Option(names = "--contexts", paramLabel = "N", description = "Contexts per forecast call; default 27 symbols x 76 windows = ${DEFAULT-VALUE}.")
    int contexts = 27 * 76;

    @Option(names = "--seconds", paramLabel = "S", description = "Minimum time to measure throughput (default: ${DEFAULT-VALUE}).")
    double seconds = 3.0;

    @Mixin
    JsonOption output;

    @Option(names = "--random-weights", paramLabel = "tiny|mini|small|base",
            description = "Chronos-Bolt only: benchmark the published shape of that size with random weights (no download).")
    String randomWeights;

    @Option(names = "--context", paramLabel = "C", description = "Chronos-Bolt only: measure this context length only (default: 512 and 2048).")
    Integer context;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = new Terminal(spec);
        PrintWriter out = terminal.out();
        PrintWriter err = terminal.err();
        if (randomWeights != null || (onnx.model != null && ChronosCheck.isCheckpoint(onnx.model))) {
            Integer batch = spec.commandLine().getParseResult().hasMatchedOption("--batch") ? onnx.batch : null;
            return ChronosBench.run(onnx.model, randomWeights, batch, context, onnx.threads, seconds, output.json, out, err);
        }
        if (onnx.model == null) {
            return terminal.fail(Main.EXIT_USAGE, "give --model (an ONNX manifest or chronos-bolt:DIR) or --random-weights SIZE");
        }
        int threads = onnx.threads;
        if (onnx.batch < 1 || threads < 0 || contexts < 1 || !(seconds >= 0)) {
            return terminal.fail(Main.EXIT_USAGE, "--batch and --contexts must be >= 1, --threads and --seconds >= 0");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        try (OnnxForecaster f = OnnxForecaster.open(onnx.model, onnx.options())) {
            for (String note : f.notes()) {
                err.println("note: " + note);
            }
            f.warmUp(contexts);
            List<ForecastContext> ctx = syntheticContexts(contexts, f.contextLength());
            long t0 = System.nanoTime();
            ForecastBatch first = f.forecast(ctx);
            long firstNanos = System.nanoTime() - t0;
            if (!first.isComplete(0)) {
                err.println("error: the model returned non-finite quantiles for synthetic prices near 100");
                return Main.EXIT_FAILURE;
            }
            // Warm throughput: whole forecast calls, at least three and at least --seconds long.
            int measured = 0;
            long start = System.nanoTime();
            long elapsed;
            do {
                f.forecast(ctx);
                measured++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < seconds * 1e9 || measured < 3);
            double secs = elapsed / 1e9;
            long series = (long) contexts * Target.COUNT;
            r.put("model", f.id());
            r.put("provider", f.provider().name());
            r.put("threads", threads);
            r.put("batch", f.batchSize());
            r.put("cache", f.cacheStatus().name());
            r.put("runtime_init_ms", f.model().runtimeInitMillis());
            r.put("session_create_ms", f.model().sessionCreateMillis());
            r.put("load_ms", f.loadMillis());
            r.put("warmup_ms", f.warmUpMillis());
            r.put("contexts", contexts);
            r.put("series", series);
            r.put("first_forecast_ms", round(firstNanos / 1e6));
            r.put("forecast_calls", measured);
            r.put("seconds", round(secs));
            r.put("series_per_second", round(series * measured / secs));
            r.put("notes", f.notes());
        }
        if (output.json) {
            out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        } else {
            out.printf(Locale.ROOT, "bench forecast %s (%s, batch %s, threads %s, cache %s)%n", r.get("model"), r.get("provider"),
                    r.get("batch"), threads == 0 ? "auto" : threads, r.get("cache"));
            out.printf(Locale.ROOT, "  runtime init      %8d ms%n", (Long) r.get("runtime_init_ms"));
            out.printf(Locale.ROOT, "  session create    %8d ms%n", (Long) r.get("session_create_ms"));
            out.printf(Locale.ROOT, "  model load total  %8d ms%n", (Long) r.get("load_ms"));
            out.printf(Locale.ROOT, "  warm-up           %8d ms%n", (Long) r.get("warmup_ms"));
            out.printf(Locale.ROOT, "  first forecast    %8.1f ms  (%d contexts = %d series)%n", (Double) r.get("first_forecast_ms"),
                    contexts, (Long) r.get("series"));
            out.printf(Locale.ROOT, "  warm throughput   %8.0f series/s  (%d calls in %.2f s)%n", (Double) r.get("series_per_second"),
                    (Integer) r.get("forecast_calls"), (Double) r.get("seconds"));
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * Cycle-shaped input without touching disk: 27-symbol style random walks near 100 (seeded, so every run feeds the
     * same numbers), each asked for its newest 76 windows, with full-length contexts.
     */
    static List<ForecastContext> syntheticContexts(int n, int contextLength) {
        int windows = 76;
        int bars = contextLength + windows + 1;
        Random rnd = new Random(42);
        List<ForecastContext> out = new ArrayList<>(n);
        for (int s = 0; out.size() < n; s++) {
            int[] days = new int[bars];
            double[] o = new double[bars];
            double[] h = new double[bars];
            double[] l = new double[bars];
            double[] c = new double[bars];
            double[] v = new double[bars];
            double price = 50 + 100 * rnd.nextDouble();
            for (int i = 0; i < bars; i++) {
                days[i] = 19_000 + i;
                o[i] = price;
                price *= Math.exp(0.02 * rnd.nextGaussian());
                c[i] = price;
                h[i] = Math.max(o[i], c[i]) * (1 + 0.01 * rnd.nextDouble());
                l[i] = Math.min(o[i], c[i]) * (1 - 0.01 * rnd.nextDouble());
                v[i] = 1e6;
            }
            BarSeries series = BarSeries.of(Instrument.stock(String.format(Locale.ROOT, "SYN%03d", s)), days, o, h, l, c, v);
            for (int t = bars - windows + 1; t <= bars && out.size() < n; t++) {
                out.add(new ForecastContext(series, t));
            }
        }
        return out;
    }
}
