package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.app.StateIntegrityEndToEndTest.count;
import static sextant.app.StateIntegrityEndToEndTest.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant state check} and {@code sextant state reset} through the real CLI. */
class StateCommandEndToEndTest {
    static final String[] SMALL = {"--set", "universe.stocks=[SPY,QQQ,GLD,IWM,TLT]", "--set", "universe.crypto=[BTCUSD,ETHUSD]"};

    @TempDir
    Path dir;

    Cli cycle(String state, String asOf, String... extra) {
        // The gate is opened (edge-z 0) so that the cycles trade and the check has fills to recompute.
        String[] base = {"cycle", "--state-dir", state, "--as-of", asOf, "--no-progress", "--set", "strategies.edge-z=0"};
        return Cli.run(Stream.of(base, SMALL, extra).flatMap(Stream::of).toArray(String[]::new));
    }

    @Test
    void checkPassesAfterSeveralCyclesAndNamesTheFillRowThatWasEditedByHand() throws Exception {
        String state = dir.resolve("state").toString();
        for (String day : new String[] {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"}) {
            Cli r = cycle(state, day);
            assertThat(r.exit()).as(r.err()).isZero();
        }
        assertThat(count(state, "SELECT COUNT(*) FROM paper_fills")).as("the cycles filled orders").isGreaterThan(1);
        Cli ok = Cli.run("state", "check", "--state-dir", state);
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("integrity  ok").contains("schema     ok").contains("cash       ok")
                .contains("positions  ok").contains("ledger     ok");

        long seq = Long.parseLong(text(state, "SELECT MIN(seq) FROM paper_fills WHERE reported=1"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Path.of(state, "sextant.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE paper_fills SET price = price * 1.01 WHERE seq=" + seq);
        }
        Cli bad = Cli.run("state", "check", "--state-dir", state);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).contains("cash       FAILED").contains("ledger     FAILED");
        assertThat(bad.err()).contains("error: ledger: paper_fills seq " + seq + " (")
                .contains("differs from the ledger's fill of that order")
                .contains("error: cash: paper_account.cash is ");
    }

    @Test
    void resetNeedsYesKeepsABackupAndTheNextCycleOpensANewAccount() throws Exception {
        String state = dir.resolve("state").toString();
        assertThat(cycle(state, "2026-03-02").exit()).isZero();
        assertThat(cycle(state, "2026-03-03").exit()).isZero();

        Cli unconfirmed = Cli.run("state", "reset", "--state-dir", state);
        assertThat(unconfirmed.exit()).isEqualTo(1);
        assertThat(unconfirmed.err()).contains("add --yes to confirm");
        assertThat(count(state, "SELECT COUNT(*) FROM cycles")).isEqualTo(2);

        Cli reset = Cli.run("state", "reset", "--yes", "--state-dir", state);
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("Moved the old state to ");
        Path backup;
        try (Stream<Path> files = Files.list(Path.of(state, "backups"))) {
            backup = files.filter(p -> p.toString().endsWith(".db")).findFirst().orElseThrow();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM cycles")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the backup keeps the ledger").isEqualTo(2);
        }
        assertThat(Path.of(state, "sextant.db")).doesNotExist();
        Cli fresh = cycle(state, "2026-03-04");
        assertThat(fresh.exit()).as(fresh.err()).isZero();
        assertThat(count(state, "SELECT MAX(id) FROM cycles")).isEqualTo(1);
    }

    @Test
    void anEmptyDatabaseCanBeResetDeliberately() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.createFile(state.resolve("sextant.db"));
        Cli check = Cli.run("state", "check", "--state-dir", state.toString());
        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.err()).contains("is empty (0 bytes)");
        assertThat(Cli.run("state", "reset", "--yes", "--state-dir", state.toString()).exit()).isZero();
        Cli fresh = cycle(state.toString(), "2026-03-02");
        assertThat(fresh.exit()).as(fresh.err()).isZero();
    }

    @Test
    void aChangedInitialCashOnAnExistingAccountIsRefusedNotIgnored() {
        String state = dir.resolve("state").toString();
        assertThat(cycle(state, "2026-03-02").exit()).isZero();
        Cli r = cycle(state, "2026-03-03", "--set", "paper.initial-cash=50000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: paper.initial-cash is 50000.00, but the paper account in ")
                .contains("was opened with 100000.00");
    }
}
