package sextant.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.market.BarSeries;

/** This machine has no GPU and the default build ships the CPU-only runtime: CUDA requests must fall back. */
class ExecutionProviderTest {
    static final OnnxOptions CUDA = new OnnxOptions(1, 8, ExecutionProvider.CUDA, false);

    @Test
    void cudaRequestedOnACpuOnlyBuildRunsOnCpuWithAClearNote() {
        assertThat(OrtEnvironment.getAvailableProviders()).doesNotContain(OrtProvider.CUDA);
        try (QuantileModel m = QuantileModel.open(SharedModels.sharedManifest(SharedModels.UNIVARIATE), CUDA)) {
            assertThat(m.provider()).isEqualTo(ExecutionProvider.CPU);
            assertThat(m.notes()).singleElement().asString().contains("CUDA execution provider requested").contains("-Ponnx-gpu")
                    .contains("running on CPU");
            GoldenCheck.Result r = GoldenCheck.run(m, GoldenCase.read(SharedModels.golden(SharedModels.UNIVARIATE)));
            assertThat(r.passed()).isTrue();
        }
    }

    @Test
    void cudaListedButFailingToStartFallsBackToCpu() {
        // As on a GPU build whose host lacks the CUDA libraries: the provider is listed, but adding it fails.
        SessionFactory gpuBuild = new SessionFactory(() -> EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA));
        ModelManifest manifest = ModelManifest.read(SharedModels.sharedManifest(SharedModels.MULTIVARIATE));
        try (QuantileModel m = QuantileModel.open(manifest, CUDA, gpuBuild, null)) {
            assertThat(m.provider()).isEqualTo(ExecutionProvider.CPU);
            assertThat(m.notes()).singleElement().asString().contains("CUDA execution provider failed to start")
                    .contains("falling back to CPU");
            GoldenCheck.Result r = GoldenCheck.run(m, GoldenCase.read(SharedModels.golden(SharedModels.MULTIVARIATE)));
            assertThat(r.passed()).isTrue();
        }
    }

    @Test
    void cpuFallbackGivesTheSameForecastsAsCpuAndThreadCountDoesNotChangeThem() {
        BarSeries b = DailyBars.load("ALNY");
        List<ForecastContext> ctx = List.of(new ForecastContext(b, b.size()), new ForecastContext(b, 200));
        try (OnnxForecaster viaCuda = OnnxForecaster.open(SharedModels.sharedManifest(SharedModels.UNIVARIATE), CUDA);
             OnnxForecaster cpu1 = OnnxForecaster.open(SharedModels.sharedManifest(SharedModels.UNIVARIATE), SharedModels.noCache(8));
             OnnxForecaster cpu2 = OnnxForecaster.open(SharedModels.sharedManifest(SharedModels.UNIVARIATE),
                     SharedModels.noCache(8).withIntraOpThreads(2))) {
            ForecastBatch a = viaCuda.forecast(ctx);
            ForecastBatch c1 = cpu1.forecast(ctx);
            ForecastBatch c2 = cpu2.forecast(ctx);
            // The parameters key names the provider that really ran, so cached forecasts stay consistent.
            assertThat(viaCuda.parametersKey()).isEqualTo(cpu1.parametersKey()).contains("ep=CPU");
            for (int i = 0; i < ctx.size(); i++) {
                assertThat(a.row(i)).isEqualTo(c1.row(i));
                assertThat(c2.row(i)).isEqualTo(c1.row(i));
            }
        }
    }
}
