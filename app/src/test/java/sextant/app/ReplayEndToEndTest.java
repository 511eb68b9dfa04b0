package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.testkit.Shared;

/** {@code sextant replay} through the real CLI, on the real bars in ../shared. */
class ReplayEndToEndTest {
    static final String[] CSV = {"--set", "data.source=csv", "--set", "data.csv-dir=" + Shared.root().resolve("data/daily"),
            "--set", "universe.stocks=[AEM,HEI,JD,KGC,MSTR,RKLB]", "--set", "universe.crypto=[]"};

    @TempDir
    Path dir;

    static String[] args(String... first) {
        List<String> a = new ArrayList<>(List.of(first));
        a.addAll(List.of(CSV));
        return a.toArray(String[]::new);
    }

    @Test
    void reportsTheEquityCurveTheBenchmarkTheClaimsAndBothControlsAsJson() throws Exception {
        Path out = dir.resolve("out");
        Cli r = Cli.run(args("replay", "--from", "2026-01-05", "--to", "2026-02-13", "--json", "--out", out.toString(),
                "--set", "strategies.edge-z=0"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out()).get("replay");
        assertThat(j.get("from").asText()).isEqualTo("2026-01-05");
        assertThat(j.get("to").asText()).isEqualTo("2026-02-13");
        int sessions = j.get("sessions").asInt();
        assertThat(sessions).isEqualTo(29); // NYSE sessions in the range (MLK day and no weekends)
        assertThat(j.get("equity")).hasSize(sessions);
        assertThat(j.get("equity").get(0).get(0).asText()).isEqualTo("2026-01-05");
        assertThat(j.get("fill_model").asText()).isEqualTo("conservative");
        for (String k : List.of("total_return", "sharpe", "max_drawdown", "trades", "claimed_daily", "realized_daily",
                "realized_daily_se", "cagr", "sortino", "exposure", "turnover", "fees", "hit_rate")) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("trades").asInt()).isPositive().isEqualTo(j.get("trade_list").size());
        assertThat(j.get("benchmark").get("total_return").isNumber()).isTrue();
        assertThat(j.get("benchmark").get("equity")).hasSize(sessions);
        assertThat(j.get("controls").get("constant-band").get("total_return").isNumber()).isTrue();
        assertThat(j.get("controls").get("shuffled").get("total_return").isNumber()).isTrue();
        assertThat(j.get("controls").get("shuffled").get("equity")).hasSize(sessions);
        assertThat(j.get("entries").asInt()).isEqualTo(j.get("entry_outcomes").size()).isPositive();
        // The file holds what was printed.
        JsonNode file = new ObjectMapper().readTree(Files.readString(out.resolve("replay.json"))).get("replay");
        assertThat(file.get("equity")).isEqualTo(j.get("equity"));
        // The final equity is the paper account's, recomputed from the ledger's state.
        double last = j.get("equity").get(sessions - 1).get(1).asDouble();
        assertThat(last).isPositive();
        assertThat(Files.exists(out.resolve("state/main/sextant.db"))).isTrue();
        // The replay's paper account and ledger are consistent: cash and positions recomputed from its fills.
        Cli check = Cli.run("state", "check", "--state-dir", out.resolve("state/main").toString());
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("cash").contains("ok");
    }

    @Test
    void replayOrdersForEachSessionEqualThoseOfCycleAsOfThatSession() throws Exception {
        // The same engine, two drivers: a replay of six sessions, and six `sextant cycle --as-of D` runs on one state.
        String[] days = {"2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06", "2026-02-09"};
        Path replayState = dir.resolve("replay");
        Cli r = Cli.run(args("replay", "--from", days[0], "--to", days[days.length - 1], "--no-controls", "--state-dir",
                replayState.toString(), "--set", "strategies.edge-z=0"));
        assertThat(r.exit()).as(r.err()).isZero();
        Path cycleState = dir.resolve("cycles");
        for (String d : days) {
            Cli c = Cli.run(args("cycle", "--as-of", d, "--no-progress", "--state-dir", cycleState.toString(), "--set",
                    "strategies.edge-z=0"));
            assertThat(c.exit()).as(c.err()).isZero();
        }
        List<String> fromReplay = orders(replayState.resolve("main/sextant.db"));
        List<String> fromCycles = orders(cycleState.resolve("sextant.db"));
        assertThat(fromReplay).isNotEmpty();
        assertThat(fromReplay).containsExactlyElementsOf(fromCycles);
        assertThat(fills(replayState.resolve("main/sextant.db"))).containsExactlyElementsOf(
                fills(cycleState.resolve("sextant.db")));
    }

    @Test
    void aStateDirectoryInUseIsRefusedAndNothingIsWritten() throws Exception {
        Path state = Files.createDirectories(dir.resolve("used"));
        Files.writeString(state.resolve("sextant.db"), "not empty");
        Cli r = Cli.run(args("replay", "--from", "2026-01-05", "--to", "2026-01-09", "--state-dir", state.toString()));
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("a replay needs a fresh paper account").contains(state.toString());
        assertThat(Files.readString(state.resolve("sextant.db"))).isEqualTo("not empty");
        Cli backwards = Cli.run(args("replay", "--from", "2026-01-09", "--to", "2026-01-05"));
        assertThat(backwards.exit()).isNotZero();
        assertThat(backwards.err()).contains("--to 2026-01-05 is before --from 2026-01-09");
    }

    private static List<String> orders(Path db) throws Exception {
        // The replay's closing settlement (after its last session) has no counterpart among the six cycles.
        return rows(db, "SELECT c.as_of || ' ' || o.event || ' ' || o.client_order_id || ' ' || o.side || ' ' || o.qty"
                + " || ' ' || IFNULL(o.limit_price, 'mkt') || ' ' || o.tif FROM orders o JOIN cycles c ON c.id = o.cycle_id"
                + " WHERE c.symbols > 0 ORDER BY c.as_of, o.client_order_id, o.event");
    }

    private static List<String> fills(Path db) throws Exception {
        return rows(db, "SELECT f.client_order_id || ' ' || f.qty || ' ' || f.price || ' ' || f.fee FROM fills f"
                + " JOIN cycles c ON c.id = f.cycle_id WHERE c.symbols > 0 ORDER BY f.client_order_id");
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
