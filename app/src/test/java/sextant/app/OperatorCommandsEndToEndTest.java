package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.app.CycleEndToEndTest.OPEN_GATE;
import static sextant.app.CycleEndToEndTest.count;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status}, {@code cancel-all} and {@code flatten} through the real CLI on the paper broker, after two cycles
 * that leave positions with their exits and entries working.
 */
class OperatorCommandsEndToEndTest {
    static final String DAY1 = "2026-03-02";
    static final String DAY2 = "2026-03-03";
    private static final String OPEN_PAPER_ORDERS = "SELECT COUNT(*) FROM paper_orders WHERE status IN ('NEW','PARTIALLY_FILLED')";

    @TempDir
    Path dir;

    @Test
    void statusShowsOwnPositionsWithTheirExitsAndCancelAllThenFlattenActOnlyOnceEach() throws Exception {
        String state = twoCycles(dir.resolve("state"));
        int held = count(state, "SELECT COUNT(*) FROM owned_positions WHERE ABS(qty) > 1e-9");
        assertThat(held).as("the day-1 entries that filled are Sextant's positions").isPositive();

        Cli status = Cli.run("status", "--state-dir", state, "--as-of", DAY2, "--json");
        assertThat(status.exit()).as(status.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(status.out());
        assertThat(s.get("mode").asText()).isEqualTo("paper");
        assertThat(s.get("positions")).hasSize(held);
        for (JsonNode p : s.get("positions")) {
            String sym = p.get("symbol").asText();
            boolean exitOrder = count(state, "SELECT COUNT(*) FROM paper_orders WHERE symbol='" + sym + "' AND status='NEW'"
                    + " AND side='SELL'") > 0;
            assertThat(p.get("has_exit").asBoolean()).as(sym).isEqualTo(exitOrder);
            // Each position shows the plan the day-1 cycle recorded when it placed the entry.
            String where = " FROM position_plans WHERE symbol='" + sym + "' AND status='open'";
            List<String> strategy = query(state, "SELECT strategy" + where);
            List<String> takeProfit = query(state, "SELECT take_profit" + where);
            assertThat(strategy).as(sym + ": the ledger's open plan").hasSize(1);
            assertThat(p.get("plans")).as(sym).singleElement().satisfies(plan -> {
                assertThat(plan.get("status").asText()).isEqualTo("open");
                assertThat(plan.get("opened_session").asText()).isEqualTo(DAY1);
                assertThat(plan.get("stop").isNull()).isTrue(); // exits.stop-loss is off by default
                assertThat(plan.get("strategy").asText()).isEqualTo(strategy.get(0));
                if (takeProfit.get(0) == null) {
                    assertThat(plan.get("take_profit").isNull()).isTrue();
                } else {
                    assertThat(plan.get("take_profit").asDouble()).isEqualTo(Double.parseDouble(takeProfit.get(0)));
                }
            });
        }
        assertThat(s.get("positions").findValuesAsText("has_exit")).as("the second cycle placed exits").contains("true");
        assertThat(s.get("open_orders")).hasSize(count(state, OPEN_PAPER_ORDERS));
        assertThat(s.get("kill_switch").get("on").asBoolean()).isFalse();
        assertThat(s.get("next_steps").get(0).get("step").asText()).isNotBlank();
        assertThat(s.get("left_alone")).isEmpty();
        Cli text = Cli.run("status", "--state-dir", state, "--as-of", DAY2);
        assertThat(text.out()).containsPattern("plan #\\d+ open: maxdiff\\S* (buy|sell), cycle #1 \\(session " + DAY1
                        + "\\), entry [0-9.]+, take-profit [0-9.]+, stop none, close at end of day (yes|no), time stop [12]"
                        + " sessions?")
                .doesNotContain("plan: none recorded").contains("mode paper").contains("Positions (Sextant's own): " + held)
                .contains("Kill switch: off").contains("Realised on " + DAY2).contains("Next: ");

        int cyclesBefore = count(state, "SELECT COUNT(*) FROM cycles");
        int open = count(state, OPEN_PAPER_ORDERS);
        assertThat(open).isPositive();
        Cli refused = Cli.run("cancel-all", "--state-dir", state, "--as-of", DAY2);
        assertThat(refused.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(refused.err()).contains("asks for confirmation on a terminal").contains("--yes");
        assertThat(count(state, OPEN_PAPER_ORDERS)).as("nothing cancelled without confirmation").isEqualTo(open);
        assertThat(count(state, "SELECT COUNT(*) FROM cycles")).isEqualTo(cyclesBefore);

        Cli cancel = Cli.run("cancel-all", "--yes", "--state-dir", state, "--as-of", DAY2);
        assertThat(cancel.exit()).as(cancel.out() + cancel.err()).isZero();
        assertThat(count(state, OPEN_PAPER_ORDERS)).isZero();
        assertThat(count(state, "SELECT COUNT(*) FROM cycles WHERE data_source='operator' AND model='cancel-all'"
                + " AND status='ok'")).isEqualTo(1);
        assertThat(count(state, "SELECT COUNT(*) FROM orders WHERE event='cancelled' AND cycle_id=(SELECT MAX(id) FROM"
                + " cycles) AND reason LIKE '%cancel-all: the operator%'")).isEqualTo(open);
        assertThat(cancel.out()).contains("Warning: Sextant's positions now have no exit order");

        Cli bare = Cli.run("status", "--state-dir", state, "--as-of", DAY2, "--json");
        assertThat(new ObjectMapper().readTree(bare.out()).get("without_exit")).hasSize(held);
        assertThat(Cli.run("status", "--state-dir", state, "--as-of", DAY2).out())
                .contains("have no exit order behind them");

        String one = query(state, "SELECT symbol FROM owned_positions WHERE ABS(qty) > 1e-9 ORDER BY symbol").get(0);
        Cli flat = Cli.run("flatten", "--yes", "--state-dir", state, "--as-of", DAY2, one.toLowerCase(java.util.Locale.ROOT));
        assertThat(flat.exit()).as(flat.out() + flat.err()).isZero();
        assertThat(flat.out()).contains("close").contains("submitted");
        String closes = "SELECT COUNT(*) FROM paper_orders WHERE type='MARKET' AND status='NEW' AND client_order_id GLOB"
                + " 'sx-20260303-" + one + "-cs*'";
        assertThat(count(state, closes)).isEqualTo(1);
        assertThat(count(state, "SELECT COUNT(*) FROM paper_orders WHERE type='MARKET'")).isEqualTo(1);
        int ordersAfterFlatten = count(state, "SELECT COUNT(*) FROM paper_orders");

        Cli again = Cli.run("flatten", "--yes", "--state-dir", state, "--as-of", DAY2, one);
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("kept").doesNotContain("submitted");
        assertThat(count(state, "SELECT COUNT(*) FROM paper_orders")).as("a repeated flatten sends nothing")
                .isEqualTo(ordersAfterFlatten);

        Cli all = Cli.run("flatten", "--yes", "--state-dir", state, "--as-of", DAY2);
        assertThat(all.exit()).as(all.out() + all.err()).isZero();
        assertThat(count(state, "SELECT COUNT(*) FROM paper_orders WHERE type='MARKET' AND status='NEW'")).isEqualTo(held);
        assertThat(count(state, "SELECT COUNT(*) FROM cycles WHERE data_source='operator' AND model='flatten'")).isEqualTo(3);
        Cli after = Cli.run("status", "--state-dir", state, "--as-of", DAY2, "--json");
        assertThat(new ObjectMapper().readTree(after.out()).get("without_exit")).as("each close covers its position")
                .isEmpty();
    }

    @Test
    void flattenWithNothingOfSextantsSendsNothingAndRecordsNothing() throws Exception {
        String state = dir.resolve("fresh").toString();
        Cli c = Cli.run("cycle", "--state-dir", state, "--as-of", DAY1, "--no-progress",
                "--set", "universe.stocks=[SPY]", "--set", "universe.crypto=[]");
        assertThat(c.exit()).as(c.err()).isZero();
        Cli flat = Cli.run("flatten", "--state-dir", state, "--as-of", DAY1, "NOPE");
        assertThat(flat.exit()).as(flat.err()).isZero();
        assertThat(flat.out()).contains("NOPE").contains("nothing of Sextant's here")
                .contains("Nothing of Sextant's to flatten; nothing sent.");
        assertThat(count(state, "SELECT COUNT(*) FROM cycles")).isEqualTo(1);
    }

    static String twoCycles(Path stateDir) {
        String state = stateDir.toString();
        for (String day : List.of(DAY1, DAY2)) {
            Cli c = Cli.run("cycle", "--state-dir", state, "--as-of", day, "--no-progress", "--set", OPEN_GATE);
            assertThat(c.exit()).as(c.err()).isZero();
        }
        return state;
    }

    /** The plan a run loop would have recorded for the symbol's entry (cycles on main record none yet). */
    static List<String> query(String stateDir, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Path.of(stateDir, "sextant.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
