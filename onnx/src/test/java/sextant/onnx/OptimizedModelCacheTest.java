package sextant.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.market.BarSeries;

class OptimizedModelCacheTest {
    static final OnnxOptions CACHED = new OnnxOptions(1, 32, ExecutionProvider.CPU, true);

    static List<ForecastContext> contexts() {
        BarSeries b = DailyBars.load("AEM");
        return List.of(new ForecastContext(b, b.size()), new ForecastContext(b, 30), new ForecastContext(b, 500));
    }

    @Test
    void coldStartWritesTheCacheBesideTheModelAndWarmStartReusesItWithIdenticalForecasts(@TempDir Path dir) throws IOException {
        Path manifest = SharedModels.copyModel(SharedModels.MULTIVARIATE, dir);
        List<ForecastContext> ctx = contexts();
        ForecastBatch cold;
        ForecastBatch warm;
        ForecastBatch uncached;
        long coldMs;
        long warmMs;
        try (OnnxForecaster f = OnnxForecaster.open(manifest, CACHED)) {
            assertThat(f.cacheStatus()).isEqualTo(CacheStatus.WRITTEN);
            assertThat(f.model().cacheEntry()).isNotNull();
            assertThat(f.model().cacheEntry().getParent()).isEqualTo(dir.toAbsolutePath());
            assertThat(f.notes()).isEmpty();
            coldMs = f.model().sessionCreateMillis();
            cold = f.forecast(ctx);
        }
        try (Stream<Path> files = Files.list(dir)) {
            // Manifest, model and exactly one cache entry: no temporary file left behind.
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(3)
                    .anyMatch(n -> n.startsWith("tiny-quantile-multivariate.onnx.") && n.endsWith(".opt.onnx") && n.contains("cpu-ort"));
        }
        try (OnnxForecaster f = OnnxForecaster.open(manifest, CACHED)) {
            assertThat(f.cacheStatus()).isEqualTo(CacheStatus.HIT);
            warmMs = f.model().sessionCreateMillis();
            warm = f.forecast(ctx);
        }
        try (OnnxForecaster f = OnnxForecaster.open(manifest, CACHED.withOptimizedModelCache(false))) {
            assertThat(f.cacheStatus()).isEqualTo(CacheStatus.OFF);
            uncached = f.forecast(ctx);
        }
        System.out.printf("optimised-model cache, tiny multivariate: cold session %d ms, warm session %d ms%n", coldMs, warmMs);
        for (int i = 0; i < ctx.size(); i++) {
            assertThat(cold.isComplete(i)).isTrue();
            // The cached graph is exactly the graph a cold start runs: same bits.
            assertThat(warm.row(i)).isEqualTo(cold.row(i));
            assertThat(uncached.row(i)).isEqualTo(cold.row(i));
        }
    }

    @Test
    void unwritableModelDirectoryFallsBackToTheTempCacheDirectory(@TempDir Path dir) throws IOException {
        Path manifest = SharedModels.copyModel(SharedModels.UNIVARIATE, dir.resolve("model"));
        ModelManifest m = ModelManifest.read(manifest);
        Path fallback = dir.resolve("tmp-cache");
        Path modelDir = m.modelPath().getParent();
        OptimizedModelCache cache = new OptimizedModelCache(m.modelPath(), ModelFingerprint.of(m.modelPath()), ExecutionProvider.CPU,
                "1.29.0", fallback, d -> !d.equals(modelDir));
        try (OnnxForecaster f = OnnxForecaster.open(m, CACHED, new SessionFactory(), cache)) {
            assertThat(f.cacheStatus()).isEqualTo(CacheStatus.WRITTEN);
            assertThat(f.model().cacheEntry().getParent()).isEqualTo(fallback);
            assertThat(f.notes()).anyMatch(n -> n.contains("not writable") && n.contains(fallback.toString()));
            assertThat(f.forecast(contexts()).isComplete(0)).isTrue();
        }
        try (Stream<Path> files = Files.list(modelDir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".opt.onnx"))).isEmpty();
        }
        try (OnnxForecaster f = OnnxForecaster.open(m, CACHED, new SessionFactory(), cache)) {
            assertThat(f.cacheStatus()).isEqualTo(CacheStatus.HIT);
            assertThat(f.model().cacheEntry().getParent()).isEqualTo(fallback);
        }
    }

    @Test
    void nothingWritableSkipsTheCacheWithANote(@TempDir Path dir) throws IOException {
        ModelManifest m = ModelManifest.read(SharedModels.copyModel(SharedModels.UNIVARIATE, dir));
        OptimizedModelCache cache = new OptimizedModelCache(m.modelPath(), "abc", ExecutionProvider.CPU, "1.29.0",
                dir.resolve("fallback"), d -> false);
        try (OnnxForecaster f = OnnxForecaster.open(m, CACHED, new SessionFactory(), cache)) {
            assertThat(f.cacheStatus()).isEqualTo(CacheStatus.SKIPPED);
            assertThat(f.notes()).anyMatch(n -> n.contains("cache skipped"));
            assertThat(f.forecast(contexts()).isComplete(2)).isTrue();
        }
    }

    @Test
    void corruptCacheEntryIsIgnoredAndRewritten(@TempDir Path dir) throws IOException {
        Path manifest = SharedModels.copyModel(SharedModels.UNIVARIATE, dir);
        Path entry;
        try (OnnxForecaster f = OnnxForecaster.open(manifest, CACHED)) {
            entry = f.model().cacheEntry();
        }
        Files.writeString(entry, "half-written garbage");
        try (OnnxForecaster f = OnnxForecaster.open(manifest, CACHED)) {
            assertThat(f.cacheStatus()).isEqualTo(CacheStatus.WRITTEN);
            assertThat(f.notes()).anyMatch(n -> n.contains("ignoring unreadable optimised-model cache"));
            assertThat(f.forecast(contexts()).isComplete(0)).isTrue();
        }
        try (OnnxForecaster f = OnnxForecaster.open(manifest, CACHED)) {
            assertThat(f.cacheStatus()).isEqualTo(CacheStatus.HIT);
        }
    }

    @Test
    void entryNameChangesWithModelProviderAndRuntimeVersion() {
        Path model = Path.of("/models/m.onnx");
        String a = new OptimizedModelCache(model, "aaaa", ExecutionProvider.CPU, "1.29.0").entryName();
        assertThat(new OptimizedModelCache(model, "bbbb", ExecutionProvider.CPU, "1.29.0").entryName()).isNotEqualTo(a);
        assertThat(new OptimizedModelCache(model, "aaaa", ExecutionProvider.CUDA, "1.29.0").entryName()).isNotEqualTo(a);
        assertThat(new OptimizedModelCache(model, "aaaa", ExecutionProvider.CPU, "1.30.0").entryName()).isNotEqualTo(a);
        assertThat(new OptimizedModelCache(model, "aaaa", ExecutionProvider.CPU, "1.29.0").entryName()).isEqualTo(a);
    }
}
