package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchStrategiesCommandTest {
    private static String run(int[] exit, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        exit[0] = cl.execute(args);
        return out.toString();
    }

    @Test
    void jsonReportsWindowsPerSecondAndIsDeterministic() throws Exception {
        int[] exit = new int[1];
        String a = run(exit, "bench", "strategies", "--windows", "3000", "--warmup", "0", "--threads", "2", "--json");
        assertThat(exit[0]).isZero();
        JsonNode j = new ObjectMapper().readTree(a);
        assertThat(j.get("windows").asLong()).isEqualTo(3000);
        assertThat(j.get("days").asInt()).isEqualTo(6);
        assertThat(j.get("threads").asInt()).isEqualTo(2);
        assertThat(j.get("windows_per_second").asDouble()).isPositive();
        String b = run(exit, "bench", "strategies", "--windows", "3000", "--warmup", "0", "--json");
        // Same seed, same windows: the checksum of the reported totals does not depend on the thread count.
        assertThat(new ObjectMapper().readTree(b).get("checksum").asDouble())
                .isCloseTo(j.get("checksum").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void badArgumentsAreAUsageError() {
        int[] exit = new int[1];
        run(exit, "bench", "strategies", "--threads", "0");
        assertThat(exit[0]).isEqualTo(Main.EXIT_USAGE);
    }
}
