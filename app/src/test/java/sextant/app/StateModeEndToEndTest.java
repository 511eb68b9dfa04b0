package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.app.CycleEndToEndTest.count;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each account has its own state: the first trading command records the mode in {@code <state-dir>/MODE}, an explicit
 * --state-dir of another mode is refused before anything is read from a broker or written, and the default
 * directories of paper and Alpaca differ.
 */
class StateModeEndToEndTest {
    private static final String[] ONE_SYMBOL = {"--no-progress", "--set", "universe.stocks=[SPY]", "--set",
            "universe.crypto=[]"};

    @TempDir
    Path dir;

    private Cli cycle(String... args) {
        String[] all = new String[args.length + ONE_SYMBOL.length + 1];
        all[0] = "cycle";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(ONE_SYMBOL, 0, all, 1 + args.length, ONE_SYMBOL.length);
        return Cli.run(all);
    }

    @Test
    void anotherModesStateDirectoryIsRefusedWithWhatToDo() throws Exception {
        String state = dir.resolve("paper").toString();
        Cli paper = cycle("--state-dir", state, "--as-of", "2026-03-02");
        assertThat(paper.exit()).as(paper.err()).isZero();
        assertThat(Path.of(state, "MODE")).content().isEqualToIgnoringWhitespace("paper");

        Cli alpaca = cycle("--state-dir", state, "--broker", "alpaca");
        assertThat(alpaca.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(alpaca.err()).contains("belongs to the paper account").contains("alpaca-paper mode")
                .contains("--broker paper");
        assertThat(count(state, "SELECT COUNT(*) FROM cycles")).isEqualTo(1);

        Cli status = Cli.run("status", "--state-dir", state, "--broker", "alpaca");
        assertThat(status.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(status.err()).contains("belongs to the paper account");
        Cli kill = Cli.run("kill-switch", "on", "--state-dir", state, "--broker", "alpaca");
        assertThat(kill.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(Path.of(state, KillSwitch.FILE_NAME)).doesNotExist();

        Files.writeString(Path.of(state, "MODE"), "live\n");
        Cli intoLive = cycle("--state-dir", state, "--as-of", "2026-03-03");
        assertThat(intoLive.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(intoLive.err()).contains("belongs to the live account").contains("--broker alpaca --live");
        assertThat(count(state, "SELECT COUNT(*) FROM cycles")).isEqualTo(1);
    }

    @Test
    void aDirectoryWrittenBeforeModeFilesIsJudgedByItsCycles() throws Exception {
        String state = dir.resolve("legacy").toString();
        assertThat(cycle("--state-dir", state, "--as-of", "2026-03-02").exit()).isZero();
        Files.delete(Path.of(state, "MODE"));
        assertThat(cycle("--state-dir", state, "--as-of", "2026-03-03").exit()).isZero();
        assertThat(Path.of(state, "MODE")).content().isEqualToIgnoringWhitespace("paper");

        Files.delete(Path.of(state, "MODE"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Path.of(state, "sextant.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE cycles SET broker='alpaca-paper' WHERE id=1");
        }
        Cli mixed = cycle("--state-dir", state, "--as-of", "2026-03-04");
        assertThat(mixed.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(mixed.err()).contains("belongs to the alpaca-paper account");
        assertThat(Path.of(state, "MODE")).doesNotExist();
    }

    @Test
    void paperAndAlpacaHaveTheirOwnDefaultDirectories() {
        String base = dir.resolve("base").toString();
        assertThat(cycle("--set", "state.dir=" + base, "--as-of", "2026-03-02").exit()).isZero();
        assertThat(Path.of(base, "sextant.db")).exists();

        Cli alpacaStatus = Cli.run("status", "--set", "state.dir=" + base, "--broker", "alpaca");
        assertThat(alpacaStatus.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(alpacaStatus.err()).contains("no ledger in " + dir.resolve("base-alpaca-paper").toAbsolutePath())
                .contains("alpaca-paper account");
        Cli liveKill = Cli.run("kill-switch", "status", "--set", "state.dir=" + base, "--broker", "alpaca", "--live");
        assertThat(liveKill.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(liveKill.err()).contains(dir.resolve("base-live").toAbsolutePath().toString());
        assertThat(Cli.run("status", "--set", "state.dir=" + base, "--as-of", "2026-03-02").exit()).isZero();
    }
}
