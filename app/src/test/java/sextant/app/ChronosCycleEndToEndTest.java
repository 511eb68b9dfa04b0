package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.chronos.ChronosConfig;
import sextant.chronos.RandomCheckpoint;
import sextant.testkit.Shared;

/**
 * A cycle with {@code forecast.model: chronos-bolt:DIR} on a random-weights checkpoint written to a temporary
 * directory, through the real CLI; the second run of the same day computes no forecast (the forecast store).
 */
class ChronosCycleEndToEndTest {
    @TempDir
    Path dir;

    /** A narrow Chronos-Bolt (the published layout, 64 wide, 2 layers) so the test takes seconds. */
    static ChronosConfig narrow() {
        return new ChronosConfig(512, 64, 16, 16, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}, true,
                64, 16, 128, 4, 2, 2, 32, 128, 1e-6f);
    }

    @Test
    void cycleRunsWithAChronosBoltCheckpointAndTheSecondRunComputesNothing() throws Exception {
        Path ckpt = RandomCheckpoint.write(dir.resolve("chronos-bolt-narrow"), narrow(), 7);
        String state = dir.resolve("state").toString();
        String[] args = {"cycle", "--state-dir", state, "--as-of", "2026-03-02", "--no-progress", "--json",
                "--set", "forecast.model=chronos-bolt:" + ckpt, "--set", "forecast.batch=64",
                "--set", "universe.stocks=[SPY,QQQ]", "--set", "universe.crypto=[BTCUSD]"};
        Cli first = Cli.run(args);
        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(first.out());
        assertThat(json.get("forecasts_computed").asInt()).isEqualTo(3 * (2 * 70 + 6 + 1)); // the one-step history, each bar fitted on 6 before it, and the next bar
        assertThat(json.get("phases_ms").get("model load").asDouble()).isPositive();
        assertThat(json.get("decisions")).hasSize(3);
        assertThat(CycleEndToEndTest.count(state, "SELECT COUNT(*) FROM cycles WHERE model LIKE 'chronos-bolt:%'")).isEqualTo(1);

        Cli again = Cli.run(args);
        assertThat(again.exit()).as(again.err()).isZero();
        JsonNode second = new ObjectMapper().readTree(again.out());
        assertThat(second.get("forecasts_computed").asInt()).isZero();
        assertThat(second.get("forecasts_cached").asInt()).isEqualTo(3 * (2 * 70 + 6 + 1));
        assertThat(second.get("decisions").toString()).isEqualTo(json.get("decisions").toString());
    }

    @Test
    void aBrokenCheckpointStopsTheCycleWithOneLineNamingTheFile() throws Exception {
        Path ckpt = RandomCheckpoint.write(dir.resolve("broken"), narrow(), 7);
        java.nio.file.Files.writeString(ckpt.resolve("model.safetensors"), "not a checkpoint");
        Cli r = Cli.run("cycle", "--state-dir", dir.resolve("state").toString(), "--as-of", "2026-03-02", "--no-progress",
                "--set", "forecast.model=chronos-bolt:" + ckpt, "--set", "universe.stocks=[SPY]", "--set", "universe.crypto=[]");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(ckpt.resolve("model.safetensors").toString()).contains("not a safetensors file");
    }

    @Test
    void forecastEvalScoresACheckpointBesideTheBuiltIns() throws Exception {
        Path ckpt = RandomCheckpoint.write(dir.resolve("chronos-bolt-narrow"), narrow(), 7);
        Path data = java.nio.file.Files.createDirectories(dir.resolve("data"));
        Path shared = Shared.root().resolve("data/daily");
        for (String sym : new String[] {"AEM", "ALNY"}) {
            java.nio.file.Files.copy(shared.resolve(sym + ".csv"), data.resolve(sym + ".csv"));
        }
        String model = "chronos-bolt:" + ckpt;
        Cli r = Cli.run("forecast-eval", "--data", data.toString(), "--models", "naive," + model, "--windows", "10", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode models = new ObjectMapper().readTree(r.out()).get("models");
        assertThat(models.fieldNames()).toIterable().containsExactly("naive", "chronos-bolt:chronos-bolt-narrow");
        JsonNode high = models.get("chronos-bolt:chronos-bolt-narrow").get("high");
        assertThat(high.get("mae").asDouble()).isFinite().isPositive();
        assertThat(high.get("coverage").asDouble()).isBetween(0.0, 1.0);

        Cli missing = Cli.run("forecast-eval", "--data", data.toString(), "--models", "chronos-bolt:" + dir.resolve("nowhere"));
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).contains(dir.resolve("nowhere").toString());
    }
}
