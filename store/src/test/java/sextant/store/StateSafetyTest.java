package sextant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state lock across processes, a full disk, and a database corrupted inside. */
class StateSafetyTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // the lock is held for the block, never referenced
    void aLiveProcessHoldsTheLockAndAKilledOnesLockIsTakenOver() throws Exception {
        Path state = dir.resolve("state");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), state.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("locked");
            assertThatThrownBy(() -> StateLock.acquire(state, "cycle")).isInstanceOf(StateDirectoryException.class)
                    .hasMessageStartingWith("another cycle is running in this state directory (" + state + ", pid "
                            + holder.pid() + " cycle since ")
                    .hasMessageEndingWith("wait for it to finish, or use another --state-dir");
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (StateLock lock = StateLock.acquire(state, "cycle")) {
            assertThat(Files.readString(state.resolve(StateLock.FILE))).startsWith("pid " + ProcessHandle.current().pid());
        }
        // Released on close: the next one gets it too.
        StateLock.acquire(state, "cycle").close();
    }

    @Test
    void aFullDiskIsReportedAsSuchNotMaskedByTheRollback() throws Exception {
        try (Database db = Database.openIn(dir)) {
            db.runInTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    // A database that may not grow behaves exactly like a full disk (SQLITE_FULL).
                    s.execute("PRAGMA max_page_count = " + pageCount(s));
                }
            });
            assertThatThrownBy(() -> db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bars VALUES ('X', ?, 1, 1, 1, 1, 1)")) {
                    for (int d = 0; d < 20_000; d++) {
                        ps.setInt(1, d);
                        ps.executeUpdate();
                    }
                }
                return null;
            })).isInstanceOf(StoreException.class)
                    .hasMessageContaining("SQLITE_FULL")
                    .hasMessageContaining("the disk is full: nothing of this step was saved")
                    .hasMessageNotContaining("no transaction is active");
            try (Statement s = db.connection().createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM bars")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aDatabaseCorruptedInsideIsRefusedWithHowToStartFresh() throws Exception {
        Database.openIn(dir).close();
        Path file = dir.resolve("sextant.db");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) 0x5a;
        }
        Files.write(file, bytes);
        assertThatThrownBy(() -> Database.openIn(dir)).isInstanceOf(StateDirectoryException.class)
                .hasMessageContaining("corrupt").hasMessageContaining("sextant state reset --yes")
                .hasMessageNotContaining("check the path is writable");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        StateCheck.Report report = StateCheck.run(dir);
        assertThat(report.passed()).isFalse();
    }

    @Test
    void aDatabaseWrittenBeforeV2MigratesKeepsItsAccountAndPassesTheCheck() throws Exception {
        Path file = dir.resolve("sextant.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            for (String sql : Migrations.STEPS.get(0)) {
                s.execute(sql);
            }
            s.execute("INSERT INTO schema_version VALUES (1)");
            s.execute("INSERT INTO cycles (started_at, as_of, status, broker, data_source, model, symbols) VALUES"
                    + " ('2026-03-02T01:00:00Z', '2026-03-02', 'completed with order failures', 'paper', 'x', 'm', 1)");
            s.execute("INSERT INTO cycles (started_at, as_of, status, broker, data_source, model, symbols) VALUES"
                    + " ('2026-03-03T01:00:00Z', '2026-03-03', 'failed: account: HTTP 503', 'paper', 'x', 'm', 1)");
            // 10 shares bought at 100 with a 1.00 fee out of 100,000.
            s.execute("INSERT INTO paper_account VALUES (1, 98999, 100000, 20515, 2)");
            s.execute("INSERT INTO paper_positions VALUES ('AAA', 'STOCK', 10, 100, 101)");
            s.execute("INSERT INTO paper_orders VALUES ('paper-1', 'sx-1', 'AAA', 'STOCK', 'BUY', 10, 'LIMIT', 100, 'DAY',"
                    + " 'FILLED', 10, 100, '2026-03-02T00:00:00Z', 20514)");
            s.execute("INSERT INTO paper_fills (order_id, client_order_id, symbol, side, qty, price, fee, at, reported)"
                    + " VALUES ('paper-1', 'sx-1', 'AAA', 'BUY', 10, 100, 1, '2026-03-02T20:00:00Z', 1)");
            s.execute("INSERT INTO fills VALUES (2, 'paper-1', 'sx-1', 'AAA', 'buy', 10, 100, 1, '2026-03-02T20:00:00Z')");
        }
        try (Database db = Database.openIn(dir)) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.STEPS.size());
            double initial = db.inTransaction(c -> {
                try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT initial_cash FROM paper_account")) {
                    rs.next();
                    return rs.getDouble(1);
                }
            });
            assertThat(initial).isEqualTo(100_000);
        }
        StateCheck.Report report = StateCheck.run(dir);
        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    private static long pageCount(Statement s) throws java.sql.SQLException {
        try (var rs = s.executeQuery("PRAGMA page_count")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
