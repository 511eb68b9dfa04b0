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
import sextant.testkit.Shared;

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
                Files.copy(Shared.root().resolve("data/daily/" + s + ".csv"), data.resolve(s + ".csv"));
            }
        }
        return data;
    }

    Cli cycle(String state, String asOf, String... extra) throws Exception {
        // The gate is opened (edge-z 0) so that the cycles trade and there is an account to protect.
        List<String> args = new ArrayList<>(List.of("cycle", "--state-dir", state, "--as-of", asOf, "--no-progress",
                "--set", "strategies.edge-z=0",
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
        assertThat(future.err()).contains("error: AEM: data: stale on 2030-01-01: no bars between");
        assertThat(future.out()).contains("Status: symbol_errors");
        Cli stale = cycle(state, "2026-06-01");
        assertThat(stale.exit()).isEqualTo(2);

        // The newest bar is 2026-03-18, so the real next cycle is dated 2026-03-19 (the typo'd ones settled the
        // fills of 03-11 .. 03-18, which really happened, and nothing beyond).
        Cli real = cycle(state, "2026-03-19");
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
    @SuppressWarnings("try") // the lock is held for the block, never referenced
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

    @Test
    void barsAStaleFileDidNotHaveComeBackOnceItIsFixed() throws Exception {
        String state = dir.resolve("state").toString();
        Path file = csvDir().resolve("HEI.csv");
        List<String> full = Files.readAllLines(file);
        List<String> stale = full.stream().filter(l -> !l.startsWith("2026-03-") || l.compareTo("2026-03-06") < 0)
                .toList(); // the header and bars through 03-05
        Files.write(file, stale);
        Cli first = cycle(state, "2026-03-10");
        assertThat(first.exit()).as(first.err()).isZero();
        Files.write(file, full);
        Cli next = cycle(state, "2026-03-11");
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(text(state, "SELECT group_concat(day) FROM (SELECT date(day * 86400, 'unixepoch') AS day FROM bars"
                + " WHERE symbol='HEI' AND day >= " + java.time.LocalDate.parse("2026-03-04").toEpochDay() + " ORDER BY day)"))
                .isEqualTo("2026-03-04,2026-03-05,2026-03-06,2026-03-09,2026-03-10");
    }

    @Test
    void restatedHistoryIsDetectedReloadedAndStopsTheSymbolOnce() throws Exception {
        String state = dir.resolve("state").toString();
        assertThat(cycle(state, "2026-03-10").exit()).isZero();
        // A 2:1 split applied to the whole history later, as Yahoo and Alpaca adjust.
        Path file = csvDir().resolve("KGC.csv");
        List<String> lines = Files.readAllLines(file);
        List<String> split = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            for (int k = 1; k <= 4; k++) {
                f[k] = Double.toString(Double.parseDouble(f[k]) / 2);
            }
            split.add(String.join(",", f));
        }
        Files.write(file, split);
        Cli r = cycle(state, "2026-03-11");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("error: KGC: data: restated on 2026-03-09: the cached ")
                .contains("(x0.5000): history was restated");
        assertThat(r.out()).contains("Status: symbol_errors");
        Cli after = cycle(state, "2026-03-12");
        assertThat(after.exit()).as(after.err()).isZero();
    }

    @Test
    void anOutlierBarStopsItsSymbolUnlessTheConfigurationOnlyWarns() throws Exception {
        String state = dir.resolve("state").toString();
        Path file = csvDir().resolve("JD.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int k = lines.size() - 5; // a bar a few sessions before the cycle; columns Date,close,high,low,open,volume
        String[] f = lines.get(k).split(",");
        f[2] = Double.toString(Double.parseDouble(f[2]) * 10);
        lines.set(k, String.join(",", f));
        Files.write(file, lines);
        Cli r = cycle(state, "2026-03-19");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("error: JD: data: outlier on " + f[0] + ": high ")
                .contains("times the median daily range");
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE action<>'error'")).isEqualTo(STOCKS.length - 1);

        Cli warned = cycle(dir.resolve("state2").toString(), "2026-03-19", "--set", "data.validation.outlier=warning");
        assertThat(warned.err()).contains("warning: JD: data: outlier on " + f[0]);
        assertThat(warned.exit()).as(warned.err()).isZero();
        assertThat(text(dir.resolve("state2").toString(), "SELECT reason FROM decisions WHERE symbol='JD'"))
                .contains("(data warning: outlier on " + f[0]);
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
