package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import sextant.testkit.Shared;

/** model-check and bench forecast on Chronos-Bolt checkpoints, through the real CLI. */
class ChronosCommandsTest {
    private static Path fixture(String name) {
        return Shared.root().resolve("fixtures/chronos-bolt").resolve(name);
    }

    @Test
    void modelCheckPassesEveryFixtureAndPrintsTheWorstDifferenceAgainstTheTolerance() {
        for (String name : new String[] {"tiny-ctx128", "tiny-noreg-ctx512"}) {
            Path dir = fixture(name);
            Cli r = Cli.run("model-check", "--model", dir.toString(), "--golden", dir.resolve("cases.json").toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("5 case(s)").contains("of the tolerance at").contains(": OK");
        }
    }

    @Test
    void modelCheckAgainstAnotherModelsCasesFailsWithOneLine() {
        Cli r = Cli.run("model-check", "--model", fixture("tiny-ctx128").toString(), "--golden",
                fixture("tiny-noreg-ctx512").resolve("cases.json").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n").contains("cases.json");
    }

    @Test
    void benchWithRandomWeightsPrintsAndMatchesThePublishedParameterCount() throws Exception {
        Cli r = Cli.run("bench", "forecast", "--random-weights", "tiny", "--batch", "4", "--context", "64", "--seconds", "0", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("parameters").asLong()).isEqualTo(8_652_672L);
        assertThat(json.get("parameters_match").asBoolean()).isTrue();
        assertThat(json.get("load_seconds").asDouble()).isPositive();
        assertThat(json.get("results")).hasSize(1);
        assertThat(json.get("results").get(0).get("batch").asInt()).isEqualTo(4);
        assertThat(json.get("results").get(0).get("context").asInt()).isEqualTo(64);
        assertThat(json.get("results").get(0).get("series_per_second").asDouble()).isPositive();
        assertThat(json.get("peak_heap_mb").asLong()).isPositive();
    }

    @Test
    void benchOnACheckpointDirectory() throws Exception {
        Cli r = Cli.run("bench", "forecast", "--model", "chronos-bolt:" + fixture("tiny-ctx128"), "--batch", "8", "--context", "128",
                "--seconds", "0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("215,840 parameters").contains("series/s");
    }
}
