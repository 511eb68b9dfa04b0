package sextant.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import sextant.chronos.ChronosBoltModel;
import sextant.chronos.RandomCheckpoint;
import sextant.chronos.ThroughputBenchmark;
import sextant.core.forecast.ModelLoadException;

/**
 * {@code bench forecast} for Chronos-Bolt: load time (from the checkpoint on disk to a model ready to run), then
 * series per second of model calls at batch 64 and 256 and context 512 and 2048 (or the one configuration asked
 * for), and the peak heap. With {@code --random-weights SIZE} it first writes the published shape of that size
 * with random weights to a temporary directory (not timed) and checks the parameter count against the published one.
 */
final class ChronosBench {
    private ChronosBench() {
    }

    static int run(@Nullable Path model, @Nullable String randomWeights, @Nullable Integer batch, @Nullable Integer context, int threads, double seconds, boolean json,
                   PrintWriter out, PrintWriter err) throws IOException {
        Path dir;
        Path temp = null;
        Long published = null;
        if (randomWeights != null) {
            RandomCheckpoint.Preset preset;
            try {
                preset = RandomCheckpoint.Preset.parse(randomWeights);
            } catch (IllegalArgumentException e) {
                err.println("error: --random-weights: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
            temp = Files.createTempDirectory("chronos-bolt-" + preset.name().toLowerCase(Locale.ROOT) + "-");
            dir = RandomCheckpoint.write(temp, preset, 1);
            published = preset.publishedParameters;
        } else {
            dir = ChronosCheck.strip(Objects.requireNonNull(model, "the caller passes --model when there is no --random-weights"));
        }
        if ((batch != null && batch < 1) || (context != null && context < 1) || threads < 0) {
            err.println("error: --batch and --context must be >= 1 and --threads >= 0");
            return Main.EXIT_USAGE;
        }
        try {
            long t0 = System.nanoTime();
            Map<String, Object> r = new LinkedHashMap<>();
            try (ChronosBoltModel m = ChronosBoltModel.open(dir, threads)) {
                double loadSeconds = (System.nanoTime() - t0) / 1e9;
                r.put("model", randomWeights != null ? "chronos-bolt-" + randomWeights.toLowerCase(Locale.ROOT) + " (random weights)" : dir.toString());
                r.put("parameters", m.parameters());
                if (published != null) {
                    r.put("published_parameters", published);
                    r.put("parameters_match", published == m.parameters());
                }
                r.put("load_seconds", Math.round(loadSeconds * 1000) / 1000.0);
                r.put("kernels", m.kernels());
                r.put("threads", m.threads());
                List<Map<String, Object>> results = new ArrayList<>();
                for (int b : batch != null ? new int[] {batch} : new int[] {64, 256}) {
                    for (int c : context != null ? new int[] {context} : new int[] {512, 2048}) {
                        ThroughputBenchmark.Result t = ThroughputBenchmark.measure(m, b, c, seconds);
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("batch", b);
                        row.put("context", Math.min(c, m.config().contextLength()));
                        row.put("series_per_second", Math.round(t.seriesPerSecond() * 10) / 10.0);
                        row.put("seconds_per_call", Math.round(t.secondsPerCall() * 1000) / 1000.0);
                        results.add(row);
                        if (!json) {
                            out.printf(Locale.ROOT, "  batch %4d  context %5d  %8.1f series/s  (%.3f s per call)%n", b, c,
                                    t.seriesPerSecond(), t.secondsPerCall());
                            out.flush();
                        }
                    }
                }
                r.put("results", results);
                r.put("peak_heap_mb", peakHeapMb());
            }
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(r));
            } else {
                out.printf(Locale.ROOT, "bench forecast %s: %,d parameters%s, loaded in %.3f s, %s kernels, %d threads, peak heap %d MB%n",
                        r.get("model"), (Long) r.get("parameters"),
                        published == null ? "" : (Boolean.TRUE.equals(r.get("parameters_match")) ? " (matches the published count)"
                                : String.format(Locale.ROOT, " (published: %,d: MISMATCH)", published)),
                        (Double) r.get("load_seconds"), r.get("kernels"), (Integer) r.get("threads"), (Long) r.get("peak_heap_mb"));
            }
            out.flush();
            return published != null && !Boolean.TRUE.equals(r.get("parameters_match")) ? Main.EXIT_FAILURE : Main.EXIT_OK;
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
