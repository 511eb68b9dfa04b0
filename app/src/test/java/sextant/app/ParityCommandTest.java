package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sextant.testkit.Shared;

class ParityCommandTest {
    private static Path fixtures() {
        return Shared.path("fixtures/anchor-maxdiff");
    }

    private static String[] run(int[] exit, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        exit[0] = cl.execute(args);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void everyShippedCasePasses() {
        int[] exit = new int[1];
        String[] io = run(exit, "parity", "--fixtures", fixtures().toString());
        String[] lines = io[0].strip().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("475 passed, 0 failed");
        assertThat(io[0]).doesNotContain("FAIL");
        assertThat(exit[0]).isZero();
    }

    @Test
    void aTamperedCaseFailsWithItsDifferencesAndExitOne(@TempDir Path dir) throws Exception {
        Path src = fixtures().resolve("001_AEM_6d_stock.json");
        String json = Files.readString(src).replace("\"maxdiff_trades_positive\": 1", "\"maxdiff_trades_positive\": 2");
        Files.writeString(dir.resolve("001_AEM_6d_stock.json"), json);
        Files.copy(fixtures().resolve("002_AEM_20d_stock.json"), dir.resolve("002_AEM_20d_stock.json"));
        int[] exit = new int[1];
        String[] io = run(exit, "parity", "--fixtures", dir.toString());
        assertThat(io[0]).contains("FAIL 001_AEM_6d_stock.json").contains("maxdiff trades_positive: expected 2, got 1");
        String[] lines = io[0].strip().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("1 passed, 1 failed");
        assertThat(exit[0]).isEqualTo(1);
    }

    @Test
    void aMissingFolderIsAOneLineError(@TempDir Path dir) {
        int[] exit = new int[1];
        String[] io = run(exit, "parity", "--fixtures", dir.resolve("nope").toString());
        assertThat(exit[0]).isEqualTo(Main.EXIT_FAILURE);
        assertThat(io[1]).startsWith("error: ").contains("nope").contains("not a directory");
    }
}
