package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.calendar.NyseCalendar;
import sextant.core.calendar.Session;
import sextant.testkit.Shared;

/**
 * {@code sextant run --clock simulated} through the real CLI over 60 NYSE sessions of real bars (../shared), on the
 * local paper broker's intraday clock. From the ledger: every entry that filled got its take-profit submitted in the
 * same session, at or after the fill; every close-at-EOD position is flat at the close of its session; every plan is
 * settled (no pending or open plan without a position behind it).
 */
class RunSimulatedEndToEndTest {
    private static final LocalDate FROM = LocalDate.of(2025, 12, 2);
    private static final LocalDate TO = LocalDate.of(2026, 2, 27);
    private static final NyseCalendar NYSE = new NyseCalendar();

    @TempDir
    Path dir;

    private record EntryFill(String entryId, String symbol, Instant firstFill, boolean closeAtEod, boolean hasTakeProfit) {
    }

    @Test
    void sixtySessionsOfRealBars() throws Exception {
        int sessions = 0;
        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            sessions += NYSE.isSession(d) ? 1 : 0;
        }
        assertThat(sessions).isEqualTo(60);
        Path state = dir.resolve("state");
        Cli r = Cli.run("run", "--clock", "simulated", "--from", FROM.toString(), "--to", TO.toString(), "--state-dir",
                state.toString(), "--set", "data.source=csv", "--set", "data.csv-dir=" + Shared.root().resolve("data/daily"),
                "--set", "universe.stocks=[AEM,HEI,JD,KGC,MSTR]", "--set", "universe.crypto=[]",
                "--set", "strategies.edge-z=0", "--set", "run.poll-seconds=3600");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Sextant run: broker paper").contains("clock simulated 2025-12-02 to 2026-02-27");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("sextant.db"))) {
            List<EntryFill> entries = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT p.entry_client_order_id,"
                    + " p.symbol, MIN(f.at), p.close_at_eod, p.take_profit IS NOT NULL FROM position_plans p"
                    + " JOIN fills f ON f.client_order_id = p.entry_client_order_id GROUP BY p.id ORDER BY p.id")) {
                while (rs.next()) {
                    entries.add(new EntryFill(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
                            rs.getInt(4) == 1, rs.getInt(5) == 1));
                }
            }
            assertThat(entries).as("the run must trade for the checks below to mean something").hasSizeGreaterThan(5);
            assertThat(count(c, "SELECT COUNT(*) FROM cycles WHERE symbols > 0")).as("one cycle per session")
                    .isEqualTo(sessions);
            int withTakeProfit = 0;
            for (EntryFill e : entries) {
                Session session = NYSE.session(e.firstFill().atZone(NYSE.zone()).toLocalDate()).orElseThrow();
                assertThat(session.isOpenAt(e.firstFill())).as("%s filled in a session", e.entryId()).isTrue();
                if (e.hasTakeProfit()) {
                    withTakeProfit++;
                    long tps = count(c, "SELECT COUNT(*) FROM orders WHERE symbol = '" + e.symbol() + "'"
                            + " AND client_order_id GLOB 'sx-*-" + e.symbol() + "-x*' AND event IN ('submitted', 'replaced')"
                            + " AND submitted_at >= '" + e.firstFill() + "' AND submitted_at < '" + session.close() + "'");
                    assertThat(tps).as("take-profit of %s (filled %s) in its session", e.entryId(), e.firstFill())
                            .isPositive();
                }
                if (e.closeAtEod()) {
                    double held = number(c, "SELECT COALESCE(SUM(CASE side WHEN 'buy' THEN qty ELSE -qty END), 0)"
                            + " FROM fills WHERE symbol = '" + e.symbol() + "' AND at <= '" + session.close() + "'");
                    assertThat(held).as("%s flat at the close of %s", e.symbol(), session.date()).isCloseTo(0,
                            org.assertj.core.data.Offset.offset(1e-9));
                }
            }
            assertThat(withTakeProfit).isPositive();
            // A plan's first history row is dated by the simulated clock, at its cycle's instant, not by the wall clock.
            String firstRows = "SELECT COUNT(*) FROM position_plan_events e JOIN position_plans p ON p.id = e.plan_id"
                    + " JOIN cycles y ON y.id = p.opened_cycle_id WHERE e.status = 'pending'";
            assertThat(count(c, firstRows)).isEqualTo(count(c, "SELECT COUNT(*) FROM position_plans"));
            assertThat(count(c, firstRows + " AND e.at = y.started_at AND e.at >= '" + FROM + "' AND e.at < '"
                    + TO.plusDays(1) + "'")).as("each plan's first history row at its cycle's simulated instant")
                    .isEqualTo(count(c, "SELECT COUNT(*) FROM position_plans"));
            assertThat(count(c, "SELECT COUNT(*) FROM position_plans WHERE status = 'pending'"))
                    .as("no entry is left pending after its session").isZero();
        }
        // status reads the account as the intraday clock left it (not "never settled", which only a daily cycle sets).
        Cli status = Cli.run("status", "--state-dir", state.toString(), "--as-of", TO.toString());
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).doesNotContain("never settled").contains("as last settled on the intraday clock"
                + " (sextant run), through the close of the session of " + TO).containsPattern("\\(\\d symbol\\(s\\) stepped\\)");
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double number(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
