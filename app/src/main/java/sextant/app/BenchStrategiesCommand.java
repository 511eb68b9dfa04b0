package sextant.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.core.optimize.EntryExitOptimizer;
import sextant.core.strategy.WindowBenchmark;

/**
 * {@code sextant bench strategies}: windows per second of the original's per-window work (MaxDiff and
 * MaxDiffAlwaysOn, each optimised over both close-at-EOD flags) on seeded synthetic bars and forecasts.
 * A warm-up pass (not timed) lets the JIT compile the hot loops first. Besides wall-clock windows/s it reports the
 * workers' CPU time, so scaling can be judged on a machine whose cores are shared with other work.
 */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "Benchmark MaxDiff + AlwaysOn window evaluation (windows per second).")
final class BenchStrategiesCommand implements Callable<Integer> {
    @Mixin
    Terminal terminal;

    @Option(names = "--windows", defaultValue = "200000", description = "Windows to time (default ${DEFAULT-VALUE}).")
    long windows;

    @Option(names = "--days", defaultValue = "6", description = "Days per window (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--warmup", defaultValue = "50000", description = "Untimed warm-up windows (default ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic data (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = terminal.out();
        if (windows < 1 || threads < 1 || days < 1 || days > 500 || warmup < 0) {
            return terminal.fail(Main.EXIT_USAGE, "--windows and --threads must be >= 1, --days in [1, 500], --warmup >= 0");
        }
        WindowBenchmark bench = new WindowBenchmark(64, days, seed);
        if (warmup > 0) {
            time(bench, warmup, threads);
        }
        double[] result = time(bench, windows, threads);
        double seconds = result[0];
        double wps = windows / seconds;
        if (output.json) {
            out.printf(Locale.ROOT, "{\"benchmark\": \"strategies\", \"windows\": %d, \"days\": %d, \"threads\": %d, "
                            + "\"strategies\": [\"maxdiff\", \"maxdiffalwayson\"], \"close_at_eod_flags\": 2, "
                            + "\"seconds\": %.6f, \"windows_per_second\": %.1f, \"cpu_seconds\": %.6f, "
                            + "\"windows_per_cpu_second\": %.1f, \"checksum\": %.9g}%n",
                    windows, days, threads, seconds, wps, result[2], windows / result[2], result[1]);
        } else {
            out.printf(Locale.ROOT, "%d windows of %d days (MaxDiff + AlwaysOn, both close-at-EOD flags) on %d thread(s): "
                    + "%.3f s, %.0f windows/s (%.0f windows per CPU-second)%n", windows, days, threads, seconds, wps,
                    windows / result[2]);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Returns {wall seconds, checksum, CPU seconds summed over the workers}. */
    private static double[] time(WindowBenchmark bench, long windows, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long per = windows / threads;
            List<Future<double[]>> parts = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                long first = t * per;
                long count = t == threads - 1 ? windows - first : per;
                parts.add(pool.submit(() -> {
                    long cpu0 = CPU.getCurrentThreadCpuTime();
                    double sum = bench.evaluate(first, count, new EntryExitOptimizer());
                    return new double[] {sum, (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9};
                }));
            }
            double checksum = 0;
            double cpuSeconds = 0;
            for (Future<double[]> f : parts) {
                checksum += f.get()[0];
                cpuSeconds += f.get()[1];
            }
            return new double[] {(System.nanoTime() - start) / 1e9, checksum, cpuSeconds};
        } finally {
            pool.shutdownNow();
        }
    }
}
