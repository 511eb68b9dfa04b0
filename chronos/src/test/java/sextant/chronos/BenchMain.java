package sextant.chronos;

import java.nio.file.Files;
import java.nio.file.Path;

/** Manual benchmark entry point (not a test): java ... BenchMain DIR-or-preset batch context. */
final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        if (!Files.isDirectory(dir)) {
            dir = RandomCheckpoint.write(Path.of("/tmp/chronos-bench").resolve(a[0]), RandomCheckpoint.Preset.parse(a[0]), 1);
        }
        long t0 = System.nanoTime();
        try (ChronosBoltModel m = ChronosBoltModel.open(dir, Integer.parseInt(a[3]))) {
            System.out.printf("load %.2f s, %d params, kernels %s%n", (System.nanoTime() - t0) / 1e9, m.parameters(), m.kernels());
            ThroughputBenchmark.Result r = ThroughputBenchmark.measure(m, Integer.parseInt(a[1]), Integer.parseInt(a[2]), 5);
            System.out.println(r);
        }
    }
}
