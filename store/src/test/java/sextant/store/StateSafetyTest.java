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
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    // A database that may not grow behaves exactly like a full disk (SQLITE_FULL).
                    s.execute("PRAGMA max_page_count = " + pageCount(s));
                }
                return null;
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

    private static long pageCount(Statement s) throws java.sql.SQLException {
        try (var rs = s.executeQuery("PRAGMA page_count")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
