package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.testkit.Shared;

/** Runs the real CLI (in-process) against a temporary state directory, as a user would. */
class CycleEndToEndTest {
    static final String OPEN_GATE = "strategies.edge-z=0";

    @TempDir
    Path dir;

    @Test
    void cycleRunsOfflineThenContinuesFromStoredStateWithoutDuplicates() throws Exception {
        String state = dir.resolve("state").toString();
        // The synthetic market has no edge for a forecast to find, so the default gate (mean - 2 SE > 0) rightly trades
        // little; the gate is opened here to exercise the order path.
        Cli first = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-02", "--no-progress", "--set", OPEN_GATE);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("phase").contains("data").contains("model load").contains("forecasting")
                .contains("backtests").contains("decisions").contains("orders").contains("ledger").contains("total");
        assertThat(first.out()).contains("Decisions: 27 symbols");
        int ordersAfterFirst = count(state, "SELECT COUNT(*) FROM paper_orders");
        assertThat(ordersAfterFirst).as("the first cycle places orders").isPositive();
        assertThat(count(state, "SELECT COUNT(*) FROM orders WHERE event='submitted'")).isEqualTo(ordersAfterFirst);
        assertThat(count(state, "SELECT COUNT(*) FROM decisions")).isEqualTo(27);
        assertThat(count(state, "SELECT COUNT(*) FROM phase_timings WHERE cycle_id=1")).isEqualTo(8);
        assertThat(count(state, "SELECT COUNT(*) FROM backtests WHERE cycle_id=1")).isEqualTo(27 * 9);

        // Same day again: identical decisions, nothing new is sent, and forecasts come from the store.
        Cli again = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-02", "--no-progress", "--json", "--set",
                OPEN_GATE);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(count(state, "SELECT COUNT(*) FROM paper_orders")).isEqualTo(ordersAfterFirst);
        assertThat(again.out()).contains("\"forecasts_computed\" : 0");
        assertThat(again.out()).doesNotContain("\"event\" : \"submitted\"");

        // Next day: the previous orders meet a new bar, fills and positions carry over.
        Cli next = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-03", "--no-progress", "--set", OPEN_GATE);
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(count(state, "SELECT COUNT(*) FROM fills")).isPositive();
        assertThat(count(state, "SELECT COUNT(*) FROM paper_positions")).isPositive();
        assertThat(count(state, "SELECT COUNT(*) FROM cycles WHERE status='ok'")).isEqualTo(3);
        assertThat(count(state, "SELECT COUNT(*) FROM (SELECT client_order_id FROM paper_orders GROUP BY client_order_id"
                + " HAVING COUNT(*) > 1)")).isZero();

        // The next morning: what did the last cycle do, and why?
        Cli report = Cli.run("report", "--state-dir", state);
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).startsWith("Cycle 3 for 2026-03-03: ok").contains("Phases:").contains("forecasting")
                .contains("Decisions:").contains("one-step avg daily").contains("Orders:").contains("Account:");
        Cli list = Cli.run("report", "--state-dir", state, "--list", "5", "--json");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(list.out())).hasSize(3);
        assertThat(Cli.run("report", "--state-dir", state, "--cycle", "99").err()).contains("no cycle 99 in the ledger");
    }

    @Test
    void corruptedCsvNamesFileAndLineExitsTwoAndTheOtherSymbolsStillTrade() throws Exception {
        Path data = Files.createDirectories(dir.resolve("csv"));
        Path shared = Shared.root();
        Files.copy(shared.resolve("data/daily/AEM.csv"), data.resolve("AEM.csv"));
        Files.copy(shared.resolve("data/daily/HEI.csv"), data.resolve("HEI.csv"));
        var lines = Files.readAllLines(shared.resolve("data/daily/JD.csv"));
        lines.set(40, lines.get(40).replaceFirst(",[^,]*,", ",12..5,"));
        Files.write(data.resolve("JD.csv"), lines);
        String state = dir.resolve("state").toString();
        Cli r = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-19", "--no-progress", "--set", "data.source=csv",
                "--set", "data.csv-dir=" + data, "--set", "universe.stocks=[AEM,HEI,JD]", "--set", "universe.crypto=[]");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("error: JD: data: " + data.resolve("JD.csv") + ": line 41: close '12..5' is not a number");
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE action='error'")).isEqualTo(1);
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE action<>'error'")).isEqualTo(2);
    }

    @Test
    void configErrorAndUnwritableStateDirExitTwoAndLeaveStateIntact() throws Exception {
        String state = dir.resolve("state").toString();
        assertThat(Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-02", "--no-progress").exit()).isZero();
        int cycles = count(state, "SELECT COUNT(*) FROM cycles");
        int orders = count(state, "SELECT COUNT(*) FROM paper_orders");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "portfolio:\n  max-positons: 3\n");
        Cli r = Cli.run("cycle", "--config", bad.toString(), "--state-dir", state, "--as-of", "2026-03-03");
        assertThat(r.exit()).as("a configuration error is a usage error").isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: " + bad + ":2: unknown key 'portfolio.max-positons'"
                + " (did you mean 'portfolio.max-positions'?)");
        assertThat(count(state, "SELECT COUNT(*) FROM cycles")).isEqualTo(cycles);
        assertThat(count(state, "SELECT COUNT(*) FROM paper_orders")).isEqualTo(orders);

        Path file = Files.writeString(dir.resolve("plain-file"), "not a directory");
        Cli u = Cli.run("cycle", "--state-dir", file.resolve("state").toString(), "--as-of", "2026-03-03");
        assertThat(u.exit()).isEqualTo(2);
        assertThat(u.err().strip()).startsWith("error: state directory " + file.resolve("state") + " cannot be created");
        assertThat(u.err().strip().lines()).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void cycleRunsEndToEndWithAnOnnxForecasterAndCanBeProfiled() throws Exception {
        // Copy the model so that its optimised-model cache is written here, never into ../shared.
        Path models = Files.createDirectories(dir.resolve("models"));
        for (String f : new String[] {"tiny-quantile-univariate.json", "tiny-quantile-univariate.onnx"}) {
            Files.copy(Shared.path("models").resolve(f), models.resolve(f));
        }
        String state = dir.resolve("state").toString();
        Cli r = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-02", "--no-progress", "--profile", "--json",
                "--set", "forecast.model=" + models.resolve("tiny-quantile-univariate.json"),
                "--set", "universe.stocks=[SPY,QQQ,GLD]", "--set", "universe.crypto=[BTCUSD]");
        assertThat(r.exit()).as(r.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(json.get("forecasts_computed").asInt()).isEqualTo(4 * (2 * 70 + 6 + 1)); // 2W one-step bars + d + next
        assertThat(json.get("phases_ms").get("model load").asDouble()).isPositive();
        assertThat(json.get("phases_ms").get("warm-up").asDouble()).isPositive();
        assertThat(json.get("decisions")).hasSize(4);
        var spy = json.get("backtests").get("SPY");
        assertThat(spy.get("windows").asInt()).isEqualTo(70);
        assertThat(spy.get("strategies").get("maxdiff").has("oos_sharpe")).isTrue();
        assertThat(spy.get("strategies").get("maxdiff").has("in_sample_total_return")).isTrue();
        assertThat(spy.get("strategies")).hasSize(9);
        assertThat(count(state, "SELECT COUNT(*) FROM cycles WHERE model LIKE '%tiny-quantile-univariate.json'")).isEqualTo(1);
        try (var runs = Files.list(Path.of(state, "runs"))) {
            assertThat(runs.filter(p -> p.toString().endsWith(".jfr"))).hasSize(1);
        }
        assertThat(r.err()).contains("profile: JFR recording written to");
        if (r.err().contains("profile: flame graph written to")) {
            try (var runs = Files.list(Path.of(state, "runs"))) {
                assertThat(runs.filter(p -> p.toString().endsWith(".html"))).singleElement()
                        .satisfies(p -> assertThat(Files.readString(p)).startsWith("<!DOCTYPE html>"));
            }
        }
    }

    static int count(String stateDir, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Path.of(stateDir, "sextant.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
