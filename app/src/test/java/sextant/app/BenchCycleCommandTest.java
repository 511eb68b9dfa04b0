package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code bench cycle} runs the configured engine, never on a real broker. */
class BenchCycleCommandTest {
    @Test
    void itTakesTheCyclesConfigurationAndTradesTheLocalPaperBrokerWhenAlpacaIsConfigured() throws Exception {
        // No keys anywhere: were Alpaca asked for anything, the run would fail.
        Cli r = Cli.run("bench", "cycle", "--symbols", "3", "--warm-cycles", "1", "--json",
                "--set", "backtest.windows=8", "--set", "broker.type=alpaca", "--set", "forecast.model=naive");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: broker.type alpaca is not used: a benchmark never sends orders to a real"
                + " broker, so the local paper broker trades");
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.get("broker").asText()).isEqualTo("paper");
        assertThat(out.get("windows").asInt()).as("backtest.windows from --set").isEqualTo(8);
        assertThat(out.get("model").asText()).isEqualTo("naive");
        assertThat(out.get("symbols").asInt()).isEqualTo(3);
        assertThat(out.get("cycles")).hasSize(2);
        JsonNode warm = out.get("cycles").get(1);
        assertThat(warm.get("forecasts_cached").asInt()).as("the warm cycle reads the cold cycle's forecasts").isPositive();

        Cli own = Cli.run("bench", "cycle", "--symbols", "2", "--warm-cycles", "0", "--windows", "5", "--json",
                "--set", "backtest.windows=8");
        assertThat(own.exit()).as(own.err()).isZero();
        assertThat(own.err()).doesNotContain("note:");
        assertThat(new ObjectMapper().readTree(own.out()).get("windows").asInt()).as("--windows wins over --set").isEqualTo(5);
    }
}
