package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.testkit.Shared;

class BenchForecastCommandTest {

    static Path copy(String name, Path dir) throws IOException {
        Files.copy(Shared.path("models").resolve(name + ".json"), dir.resolve(name + ".json"));
        Files.copy(Shared.path("models").resolve(name + ".onnx"), dir.resolve(name + ".onnx"));
        return dir.resolve(name + ".json");
    }

    @Test
    void jsonReportsSessionCreationWarmUpAndThroughputColdThenWarm(@TempDir Path dir) throws IOException {
        Path manifest = copy("tiny-quantile-univariate", dir);
        String[] args = {"bench", "forecast", "--model", manifest.toString(), "--batch", "64", "--threads", "1",
                "--contexts", "300", "--seconds", "0.2", "--json"};
        Cli cold = Cli.run(args);
        assertThat(cold.exit()).as(cold.err()).isEqualTo(Main.EXIT_OK);
        JsonNode c = new ObjectMapper().readTree(cold.out());
        for (String key : new String[] {"session_create_ms", "warmup_ms", "series_per_second", "batch"}) {
            assertThat(c.has(key)).as(key).isTrue();
        }
        assertThat(c.get("batch").asInt()).isEqualTo(64);
        assertThat(c.get("series").asLong()).isEqualTo(900);
        assertThat(c.get("series_per_second").asDouble()).isPositive();
        assertThat(c.get("warmup_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(c.get("forecast_calls").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(c.get("cache").asText()).isEqualTo("WRITTEN");
        Cli warm = Cli.run(args);
        assertThat(warm.exit()).isEqualTo(Main.EXIT_OK);
        assertThat(new ObjectMapper().readTree(warm.out()).get("cache").asText()).isEqualTo("HIT");
    }

    @Test
    void textReportNamesEachPhase() {
        Cli r = Cli.run("bench", "forecast", "--model", Shared.path("models").resolve("tiny-quantile-multivariate.json").toString(),
                "--batch", "32", "--contexts", "100", "--seconds", "0", "--no-cache");
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        assertThat(r.out()).contains("session create").contains("warm-up").contains("series/s").contains("onnx:tiny-quantile-multivariate");
    }

    @Test
    void cudaOnThisMachineFallsBackWithANote() {
        Cli r = Cli.run("bench", "forecast", "--model", Shared.path("models").resolve("tiny-quantile-univariate.json").toString(),
                "--provider", "CUDA", "--contexts", "10", "--seconds", "0", "--no-cache", "--json");
        assertThat(r.exit()).isEqualTo(Main.EXIT_OK);
        assertThat(r.err()).contains("note: CUDA execution provider requested");
        assertThat(r.out()).contains("\"provider\":\"CPU\"");
    }

    @Test
    void missingManifestFailsWithOneLine(@TempDir Path dir) {
        Cli r = Cli.run("bench", "forecast", "--model", dir.resolve("none.json").toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err().strip()).contains("none.json").contains("does not exist").doesNotContain("\n");
    }
}
