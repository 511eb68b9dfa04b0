package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application through the real {@code ./sextant} launcher in a fresh directory, as the README
 * tells a new user to. Runs in the integration-test phase, after the jar is built.
 */
class LauncherIT {
    @TempDir
    Path dir;

    record Run(int exit, String out) {
    }

    Run sextant(String... args) throws IOException, InterruptedException {
        Path launcher = Path.of(System.getProperty("sextant.jar")).getParent().getParent().getParent().resolve("sextant");
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void cycleOnEmbeddedDefaultsPrintsThePhaseTableAndWritesTheLedger() throws Exception {
        Run r = sextant("cycle", "--as-of", "2026-03-02");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("total").contains("Orders:").contains("Decisions: 27 symbols");
        assertThat(dir.resolve(".sextant/sextant.db")).exists();
        assertThat(dir.resolve(".sextant/logs/sextant.log")).exists();
        Run again = sextant("cycle", "--as-of", "2026-03-02");
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).doesNotContain("submitted");
    }

    @Test
    void stateAndLogsGoWhereStateDirSaysAndNowhereElse() throws Exception {
        Run r = sextant("cycle", "--state-dir", "elsewhere", "--as-of", "2026-03-02", "--set", "universe.stocks=[SPY]",
                "--set", "universe.crypto=[]");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(dir.resolve("elsewhere/sextant.db")).exists();
        assertThat(dir.resolve("elsewhere/logs/sextant.log")).exists();
        assertThat(dir.resolve(".sextant")).doesNotExist();
        // Every log line names the mode and the state directory (stack-trace lines continue the line above them). A
        // quiet cycle logs nothing, so a second one runs with the kill switch on, which it logs as a warning.
        assertThat(sextant("kill-switch", "on", "--state-dir", "elsewhere").exit()).isZero();
        assertThat(sextant("cycle", "--state-dir", "elsewhere", "--as-of", "2026-03-02", "--set", "universe.stocks=[SPY]",
                "--set", "universe.crypto=[]").exit()).isZero();
        String tag = "[paper " + dir.resolve("elsewhere").toRealPath() + "]";
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("elsewhere/logs/sextant.log")).stream()
                .filter(l -> l.matches("^\\d{4}-\\d{2}-\\d{2} .*")).toList();
        assertThat(lines).anyMatch(l -> l.contains("new entries stopped")).allSatisfy(l -> assertThat(l).contains(tag));
    }

    @Test
    void helpAndUsageErrors() throws Exception {
        Run help = sextant("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("cycle").contains("parity").contains("bench");
        assertThat(sextant("cycle", "--as-of", "yesterday").exit()).isEqualTo(1);
    }
}
