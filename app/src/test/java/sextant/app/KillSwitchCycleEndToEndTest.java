package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.app.CycleEndToEndTest.OPEN_GATE;
import static sextant.app.CycleEndToEndTest.count;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill switch through the real CLI: with {@code <state-dir>/KILL} present a cycle places no entry and cancels
 * the entries still open, while the positions it already holds keep their take-profits and closes. The same two
 * cycles without the switch are the control: they do place entries on the second day.
 */
class KillSwitchCycleEndToEndTest {
    private static final String DAY1 = "2026-03-02";
    private static final String DAY2 = "2026-03-03";
    /**
     * Client order ids of one leg: the id ends in the leg code, the side ({@code b}/{@code s}) and an optional attempt
     * number. GLOB, not LIKE: LIKE ignores case, so {@code -e} would also match the symbol in {@code …-ETHUSD-xs}.
     */
    private static String leg(String code) {
        return "(client_order_id GLOB '*-" + code + "[bs]' OR client_order_id GLOB '*-" + code + "[bs][0-9]*')";
    }

    /** Orders of the second cycle that open exposure: entry legs dated the second day. */
    private static final String DAY2_ENTRIES = "SELECT COUNT(*) FROM orders WHERE event='submitted' AND cycle_id=2"
            + " AND client_order_id GLOB '*-20260303-*' AND " + leg("e");
    private static final String DAY2_EXITS = "SELECT COUNT(*) FROM orders WHERE event='submitted' AND cycle_id=2"
            + " AND client_order_id GLOB '*-20260303-*' AND (" + leg("x") + " OR " + leg("c") + ")";

    @TempDir
    Path dir;

    @Test
    void entriesStopWhileExitsGoOn() throws Exception {
        String control = dir.resolve("control").toString();
        cycle(control, DAY1);
        cycle(control, DAY2);
        assertThat(count(control, DAY2_ENTRIES)).as("control: the second cycle places entries").isPositive();

        String killed = dir.resolve("killed").toString();
        cycle(killed, DAY1);
        // Positions of the control after its second cycle's settlement: the day-1 fills (day-2 orders fill later).
        int heldAfterDay1Fills = count(control, "SELECT COUNT(*) FROM paper_positions WHERE qty <> 0");
        Cli on = Cli.run("kill-switch", "on", "--state-dir", killed, "--reason", "end-to-end test");
        assertThat(on.exit()).as(on.err()).isEqualTo(Main.EXIT_OK);
        Cli second = cycle(killed, DAY2);

        assertThat(count(killed, DAY2_ENTRIES)).as("no entry is placed while the switch is on").isZero();
        assertThat(count(killed, "SELECT COUNT(*) FROM decisions WHERE cycle_id=2 AND action='skip'"
                + " AND reason LIKE 'not entering: kill switch on%end-to-end test%'")).as("each skipped entry says why")
                .isEqualTo(count(control, "SELECT COUNT(*) FROM decisions WHERE cycle_id=2 AND action='trade'"
                        + " AND symbol NOT IN (SELECT symbol FROM paper_positions WHERE qty <> 0)")).isPositive();
        // The paper book stores statuses as OrderStatus names; day-1 crypto entries are GTC and stay open unless cancelled.
        assertThat(count(killed, "SELECT COUNT(*) FROM paper_orders WHERE status IN ('NEW','PARTIALLY_FILLED') AND "
                + leg("e"))).as("yesterday's open entries are cancelled").isZero();
        assertThat(count(control, "SELECT COUNT(*) FROM paper_orders WHERE status IN ('NEW','PARTIALLY_FILLED') AND "
                + leg("e"))).as("control: entries are open after its second cycle").isPositive();
        // The day-1 entries filled on the same bar in both accounts, so both hold the same positions; their exits
        // go on exactly as in the control.
        assertThat(count(killed, "SELECT COUNT(*) FROM paper_positions WHERE qty <> 0")).isEqualTo(heldAfterDay1Fills);
        assertThat(heldAfterDay1Fills).as("some day-1 entry filled, so there are exits to keep").isPositive();
        assertThat(count(killed, DAY2_EXITS)).isEqualTo(count(control, DAY2_EXITS)).isPositive();
        assertThat(second.out()).contains("kill switch on");

        Cli off = Cli.run("kill-switch", "off", "--state-dir", killed);
        assertThat(off.exit()).isEqualTo(Main.EXIT_OK);
    }

    private static Cli cycle(String state, String day) {
        Cli c = Cli.run("cycle", "--state-dir", state, "--as-of", day, "--no-progress", "--set", OPEN_GATE);
        assertThat(c.exit()).as(c.err()).isZero();
        return c;
    }
}
