package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant kill-switch} through the real CLI. */
class KillSwitchCommandTest {
    @TempDir
    Path stateDir;

    @Test
    void onStatusOffRoundTrip() throws IOException {
        String dir = stateDir.toString();
        Cli status = Cli.run("kill-switch", "status", "--state-dir", dir);
        assertThat(status.exit()).isEqualTo(Main.EXIT_OK);
        assertThat(status.out()).contains("kill switch off: entries allowed");

        Cli on = Cli.run("kill-switch", "on", "--state-dir", dir, "--reason", "broker outage");
        assertThat(on.exit()).as(on.err()).isEqualTo(Main.EXIT_OK);
        assertThat(on.out()).contains("kill switch on", "reason: broker outage", "closing orders keep working");
        assertThat(Files.readString(stateDir.resolve("KILL"))).contains("broker outage");

        Cli still = Cli.run("kill-switch", "status", "--state-dir", dir);
        assertThat(still.out()).contains("reason: broker outage").contains("new entries stop");

        Cli off = Cli.run("kill-switch", "off", "--state-dir", dir);
        assertThat(off.exit()).isEqualTo(Main.EXIT_OK);
        assertThat(off.out()).contains("entries allowed");
        assertThat(stateDir.resolve("KILL")).doesNotExist();

        Cli again = Cli.run("kill-switch", "off", "--state-dir", dir);
        assertThat(again.out()).contains("already off");
    }

    @Test
    void aMissingStateDirectoryIsRefusedNotCreated() {
        Path missing = stateDir.resolve("typo");
        Cli on = Cli.run("kill-switch", "on", "--state-dir", missing.toString());
        assertThat(on.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(on.err().strip()).startsWith("error: no state directory").contains("typo").contains("--state-dir")
                .doesNotContain("\n");
        assertThat(missing).doesNotExist();
    }

    @Test
    void withItsStateDirectoryGivenTheSwitchWorksWhileTheConfigurationIsBroken() throws IOException {
        Path broken = Files.writeString(stateDir.resolve("broken.yaml"), "strategies:\n  edge-z: 11\n");
        Cli on = Cli.run("kill-switch", "on", "-c", broken.toString(), "--state-dir", stateDir.toString());
        assertThat(on.exit()).as(on.err()).isEqualTo(Main.EXIT_OK);
        assertThat(stateDir.resolve("KILL")).exists();
        // Without --state-dir the configuration names the directory, so it must load: its error is the usual one line.
        Cli off = Cli.run("kill-switch", "off", "-c", broken.toString());
        assertThat(off.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(off.err().strip()).isEqualTo("error: " + broken + ": 'strategies.edge-z' must be in [0, 10], got 11.0");
        assertThat(stateDir.resolve("KILL")).exists();
    }

    @Test
    void anUnknownActionIsAUsageError() {
        Cli bad = Cli.run("kill-switch", "maybe", "--state-dir", stateDir.toString());
        assertThat(bad.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.err()).contains("maybe");
    }
}
