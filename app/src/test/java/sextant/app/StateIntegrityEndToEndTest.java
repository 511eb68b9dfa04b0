package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import sextant.store.StateLock;

/**
 * Issue 12 through the real CLI: nothing a typo, a stray file or a concurrent run does may silently change the
 * account. Real CSV bars from ../shared (they end on 2026-03-18).
 */
class StateIntegrityEndToEndTest {
    static final String[] STOCKS = {"AEM", "HEI", "JD", "KGC", "WPM", "FNV"};

    @TempDir
    Path dir;

    Path csvDir() throws Exception {
        Path data = dir.resolve("csv");
        if (!Files.isDirectory(data)) {
            Files.createDirectories(data);
            for (String s : STOCKS) {
                Files.copy(Cli.shared().resolve("data/daily/" + s + ".csv"), data.resolve(s + ".csv"));
            }
        }
        return data;
    }

    Cli cycle(String state, String asOf, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("cycle", "--state-dir", state, "--as-of", asOf, "--no-progress",
                "--set", "data.source=csv", "--set", "data.csv-dir=" + csvDir(),
                "--set", "universe.stocks=[" + String.join(",", STOCKS) + "]", "--set", "universe.crypto=[]"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aTypoedFutureOrStaleAsOfErrorsButDoesNotLockTheAccount() throws Exception {
        String state = dir.resolve("state").toString();
        for (String day : new String[] {"2026-03-09", "2026-03-10"}) {
            Cli r = cycle(state, day);
            assertThat(r.exit()).as(r.err()).isZero();
        }
        assertThat(count(state, "SELECT COUNT(*) FROM paper_orders") + count(state, "SELECT COUNT(*) FROM paper_positions"))
                .as("the account holds something to settle").isPositive();

        Cli future = cycle(state, "2030-01-01");
        assertThat(future.exit()).isEqualTo(2);
        assertThat(future.err()).contains("error: AEM: data: ");
        assertThat(future.out()).contains("Status: symbol_errors");
        Cli stale = cycle(state, "2026-06-01");
        assertThat(stale.exit()).isEqualTo(2);

        Cli real = cycle(state, "2026-03-11");
        assertThat(real.exit()).as(real.err()).isZero();
        assertThat(real.out()).contains("Status: ok");
        assertThat(text(state, "SELECT status FROM cycles ORDER BY id")).isEqualTo("ok,ok,symbol_errors,symbol_errors,ok");
    }

    @Test
    void badDataInAHeldSymbolGivesThatSymbolAnErrorAndTheRestOfTheCycleGoesOn() throws Exception {
        String state = dir.resolve("state").toString();
        String held = null;
        for (String day : new String[] {"2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11"}) {
            Cli r = cycle(state, day);
            assertThat(r.exit()).as(r.err()).isZero();
            held = text(state, "SELECT symbol FROM paper_positions ORDER BY symbol LIMIT 1");
            if (!held.isEmpty()) {
                break;
            }
        }
        assertThat(held).as("some position was opened").isNotEmpty();
        Path file = csvDir().resolve(held + ".csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int last = lines.size() - 1;
        lines.set(last, lines.get(last).replaceFirst(",[^,]*,", ",12..5,"));
        Files.write(file, lines);

        Cli r = cycle(state, "2026-03-19");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("error: " + held + ": data: ").contains("'12..5' is not a number");
        long cycle = Long.parseLong(text(state, "SELECT MAX(id) FROM cycles"));
        assertThat(text(state, "SELECT status FROM cycles WHERE id=" + cycle)).isEqualTo("symbol_errors");
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE cycle_id=" + cycle + " AND action='error'")).isEqualTo(1);
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE cycle_id=" + cycle + " AND action<>'error'"))
                .isEqualTo(STOCKS.length - 1);
        assertThat(count(state, "SELECT COUNT(*) FROM paper_positions WHERE symbol='" + held + "'")).isEqualTo(1);
    }

    @Test
    void anEmptyDatabaseIsRefusedNotReplacedByAFreshAccount() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path db = Files.createFile(state.resolve("sextant.db"));
        Cli r = Cli.run("cycle", "--state-dir", state.toString(), "--as-of", "2026-03-02", "--no-progress");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: state database " + db + " is empty (0 bytes)")
                .contains("another --state-dir").contains("sextant state reset --yes");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(Files.size(db)).isZero();
    }

    @Test
    void aForeignOrCorruptDatabaseIsRefusedAndLeftExactlyAsItWas() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path db = state.resolve("sextant.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER, body TEXT)");
        }
        Cli foreign = Cli.run("cycle", "--state-dir", state.toString(), "--as-of", "2026-03-02", "--no-progress");
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).contains("is another program's SQLite database (tables notes")
                .contains("sextant state reset --yes");
        assertThat(text(state.toString(), "SELECT group_concat(name) FROM sqlite_master WHERE type='table'"))
                .isEqualTo("notes");

        Files.write(db, "this is not a database at all, just some text someone saved here".getBytes());
        Cli corrupt = Cli.run("cycle", "--state-dir", state.toString(), "--as-of", "2026-03-02", "--no-progress");
        assertThat(corrupt.exit()).isEqualTo(2);
        assertThat(corrupt.err()).contains("is not an SQLite database").contains("corrupt")
                .doesNotContain("check the path is writable");
    }

    @Test
    void aSecondCycleInTheSameStateDirectoryIsToldAnotherIsRunning() throws Exception {
        Path state = dir.resolve("state");
        try (StateLock held = StateLock.acquire(state, "test")) {
            Cli r = Cli.run("cycle", "--state-dir", state.toString(), "--as-of", "2026-03-02", "--no-progress");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("error: another cycle is running in this state directory")
                    .doesNotContain("SQLITE_BUSY");
        }
        Cli after = Cli.run("cycle", "--state-dir", state.toString(), "--as-of", "2026-03-02", "--no-progress");
        assertThat(after.exit()).as(after.err()).isZero();
    }

    static int count(String stateDir, String sql) throws Exception {
        return Integer.parseInt(text(stateDir, sql));
    }

    /** The first column of every row, joined with commas ("" when there is none). */
    static String text(String stateDir, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Path.of(stateDir, "sextant.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) == null ? "" : rs.getString(1));
            }
            return String.join(",", out);
        }
    }
}
