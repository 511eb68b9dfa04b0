package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.chronos.RandomCheckpoint;

/**
 * A cycle and a 60-session replay through the real CLI with a random-weights checkpoint of the published
 * {@code chronos-bolt-small} shape (47.7 M parameters) written to a temporary directory: the forecast store makes
 * the second run of each compute nothing the first computed, and the second replay trades exactly as the first.
 */
class ChronosSmallEndToEndTest {
    @TempDir
    static Path dir;
    static Path checkpoint;

    @BeforeAll
    static void writeSmallCheckpoint() {
        checkpoint = RandomCheckpoint.write(dir.resolve("chronos-bolt-small"), RandomCheckpoint.Preset.SMALL, 11);
    }

    private static String[] withModel(String... args) {
        String[] tail = {"--set", "forecast.model=chronos-bolt:" + checkpoint, "--set", "forecast.batch=64",
                "--set", "universe.stocks=[SPY]", "--set", "universe.crypto=[]"};
        String[] all = new String[args.length + tail.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(tail, 0, all, args.length, tail.length);
        return all;
    }

    private static JsonNode json(Cli r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void aCycleWithSmallComputesEachForecastOnce() throws Exception {
        String[] args = withModel("cycle", "--state-dir", dir.resolve("cycle-state").toString(), "--as-of", "2026-03-02",
                "--no-progress", "--json");
        JsonNode first = json(Cli.run(args));
        assertThat(first.get("forecasts_computed").asInt()).isEqualTo(2 * 70 + 6 + 1);
        assertThat(first.get("decisions")).hasSize(1);
        JsonNode second = json(Cli.run(args));
        assertThat(second.get("forecasts_computed").asInt()).isZero();
        assertThat(second.get("decisions").toString()).isEqualTo(first.get("decisions").toString());
    }

    @Test
    void aSecondSixtySessionReplayWithTheForecastCacheComputesNothing() throws Exception {
        String cache = dir.resolve("forecast-cache").toString();
        JsonNode first = json(Cli.run(withModel("replay", "--from", "2025-06-02", "--to", "2025-08-25", "--no-controls",
                "--json", "--no-progress", "--out", dir.resolve("replay-1").toString(), "--forecast-cache", cache)))
                .get("replay");
        assertThat(first.get("sessions").asInt()).isGreaterThanOrEqualTo(60);
        long computed = first.get("forecasts_computed").asLong();
        // At least the next bar of every session, for close, high and low.
        assertThat(computed).isGreaterThanOrEqualTo(3L * first.get("sessions").asInt());

        JsonNode second = json(Cli.run(withModel("replay", "--from", "2025-06-02", "--to", "2025-08-25", "--no-controls",
                "--json", "--no-progress", "--out", dir.resolve("replay-2").toString(), "--forecast-cache", cache)))
                .get("replay");
        assertThat(second.get("forecasts_computed").asLong()).isZero();
        assertThat(second.get("forecasts_stored").asLong()).isEqualTo(computed);
        assertThat(second.get("equity").toString()).isEqualTo(first.get("equity").toString());
    }
}
