package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, items 7 to 9: errors that name their cause, no noise on the terminal, usage errors exit 1. */
class ErrorMessagesEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aBadAsOfSaysWhatADateLooksLikeWithoutJavaClassNames() {
        for (String bad : new String[] {"2026-13-01", "2026-02-30", "yesterday"}) {
            Cli r = Cli.run("cycle", "--state-dir", dir.resolve("s").toString(), "--as-of", bad, "--no-progress");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("'" + bad + "' is not a").contains("YYYY-MM-DD")
                    .doesNotContain("java.").doesNotContain("Exception").doesNotContain("LocalDate");
        }
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysNameTheLineAndExitAsUsageErrors() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "portfolio:\n  max-positions: 3\n  position-fraction: [0.1\n");
        Cli r = Cli.run("config", "show", "--config", broken.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + broken + ":").contains("not valid YAML");
        assertThat(r.err()).matches("(?s)error: " + java.util.regex.Pattern.quote(broken.toString()) + ":\\d+: .*");

        Path twice = Files.writeString(dir.resolve("twice.yaml"), "portfolio:\n  max-positions: 3\n  max-positions: 5\n");
        Cli d = Cli.run("config", "show", "--config", twice.toString());
        assertThat(d.exit()).isEqualTo(1);
        assertThat(d.err().strip()).startsWith("error: " + twice + ":3: duplicate key 'max-positions'");

        Path wrongType = Files.writeString(dir.resolve("type.yaml"), "universe:\n  stocks: [AAPL]\nportfolio:\n"
                + "  max-positions: many\n");
        Cli t = Cli.run("config", "show", "--config", wrongType.toString());
        assertThat(t.exit()).isEqualTo(1);
        assertThat(t.err().strip()).isEqualTo("error: " + wrongType + ":4: 'portfolio.max-positions' must be a whole number,"
                + " got 'many'");

        Cli set = Cli.run("config", "show", "--set", "portfolio.max-positions");
        assertThat(set.exit()).isEqualTo(1);
        assertThat(set.err()).contains("expected key=value");
    }

    @Test
    void quotesInASetListAreYamlQuotesNotPartOfTheSymbol() {
        SextantConfig cfg = SextantConfig.load(null, List.of("universe.stocks=[\"AAPL\", 'MSFT', NVDA]"));
        assertThat(cfg.listedUniverse().stream().filter(i -> !i.isCrypto()).map(i -> i.symbol()))
                .containsExactly("AAPL", "MSFT", "NVDA");
        Cli r = Cli.run("config", "show", "--set", "universe.stocks=[\"AAPL\",'MSFT']");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("\\\"AAPL").doesNotContain("'MSFT'");
    }

    /**
     * Logback is set up once per JVM, so this runs the CLI in a child JVM (the test class path) whose state directory
     * has a file named {@code logs}.
     */
    @Test
    void aStateDirectoryWhoseLogsCannotBeCreatedGivesOneWarningNotALogbackDump() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(state.resolve("logs"), "a file where the log directory should be");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + dir, "sextant.app.Main", "cycle", "--state-dir", state.toString(), "--as-of",
                "2026-03-02", "--no-progress", "--set", "universe.stocks=[SPY,QQQ]", "--set", "universe.crypto=[]")
                .redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(new String(out, StandardCharsets.UTF_8)).contains("Status: ok");
        assertThat(err.strip().lines()).as(err).hasSize(1);
        assertThat(err).startsWith("warning: cannot write logs to " + state.resolve("logs")).contains("logging to " + dir)
                .doesNotContain("logback").doesNotContain("\tat ");
    }
}
