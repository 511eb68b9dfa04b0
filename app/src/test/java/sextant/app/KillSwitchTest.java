package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.gate.EntryDecision;
import sextant.core.gate.EntryStatus;

class KillSwitchTest {
    @TempDir
    Path stateDir;

    @Test
    void noFileMeansEntriesAllowed() {
        assertThat(new KillSwitch(stateDir).entries()).isEqualTo(EntryStatus.ALLOWED);
    }

    @Test
    void aTouchedFileStopsEntriesAndItsTextIsTheReason() throws IOException {
        KillSwitch ks = new KillSwitch(stateDir);
        Files.createFile(stateDir.resolve("KILL"));
        assertThat(ks.entries().decision()).isEqualTo(EntryDecision.STOPPED_BY_KILL_SWITCH);
        assertThat(ks.entries().reason()).contains("kill switch on", "KILL");

        Files.writeString(stateDir.resolve("KILL"), "FOMC at 14:00\n");
        assertThat(ks.entries().reason()).endsWith(": FOMC at 14:00");
    }

    @Test
    void onAndOffAreReadFreshOnEveryCall() throws IOException {
        KillSwitch ks = new KillSwitch(stateDir);
        ks.turnOn("earnings week", Instant.parse("2026-12-03T13:00:00Z"));
        assertThat(ks.entries().entriesAllowed()).isFalse();
        assertThat(ks.entries().reason()).contains("on since 2026-12-03T13:00:00Z reason: earnings week");
        assertThat(Files.readString(ks.file())).startsWith("on since 2026-12-03T13:00:00Z");
        assertThat(stateDir.resolve("KILL.tmp")).doesNotExist();

        assertThat(ks.turnOff()).isTrue();
        assertThat(ks.entries().entriesAllowed()).isTrue();
        assertThat(ks.turnOff()).isFalse();
    }

    @Test
    void aKillPathThatIsNotAFileStillStopsEntriesAndIsNotRemovedSilently() throws IOException {
        Files.createDirectory(stateDir.resolve("KILL"));
        KillSwitch ks = new KillSwitch(stateDir);
        assertThat(ks.entries().decision()).isEqualTo(EntryDecision.STOPPED_BY_KILL_SWITCH);
        assertThat(ks.entries().reason()).contains("not a file");
        assertThatThrownBy(ks::turnOff).isInstanceOf(IOException.class).hasMessageContaining("is a directory");
        assertThat(stateDir.resolve("KILL")).isDirectory();
    }
}
