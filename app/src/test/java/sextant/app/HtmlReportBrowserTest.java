package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML reports that the real CLI writes in headless Chromium and checks what a reader would notice:
 * no page errors, no network requests, every chart has data points, and the tables sort. Screenshots go to
 * {@code target/report-screenshots/}. Outside CI a machine without Chromium skips this; in CI it fails.
 */
class HtmlReportBrowserTest {
    static final Path SHOTS = Path.of("target", "report-screenshots");

    /** Per chart: its title, its declared data points and the marks drawn for them. */
    private static final String CHARTS = """
            Array.from(document.querySelectorAll('svg.chart')).map(function (s) {
              var marks = Array.from(s.querySelectorAll('.mark')).filter(function (m) {
                return m.tagName !== 'path' || (m.getAttribute('d') || 'M0,0') !== 'M0,0';
              });
              return {title: s.getAttribute('aria-label'), points: parseInt(s.getAttribute('data-points'), 10),
                      marks: marks.length, width: s.getBoundingClientRect().width,
                      bands: marks.filter(function (m) { return m.classList.contains('band'); }).length,
                      markers: marks.filter(function (m) { return m.classList.contains('marker'); }).length};
            })""";

    /**
     * Clicks a column of every table with two or more rows (the first numeric one, else the first) twice and
     * reports any table whose rows are not in ascending, then descending, order.
     */
    private static final String SORTS = """
            (function () {
              var bad = [], checked = 0;
              document.querySelectorAll('table.sortable').forEach(function (t) {
                var rows = t.tBodies[0].rows;
                if (rows.length < 2) { return; }
                var col = 0;
                for (var c = 0; c < rows[0].cells.length; c++) {
                  if (rows[0].cells[c].hasAttribute('data-sort')) { col = c; break; }
                }
                var numeric = rows[0].cells[col].hasAttribute('data-sort');
                function keys() {
                  return Array.from(t.tBodies[0].rows).map(function (r) {
                    var td = r.cells[col];
                    return numeric ? (td.hasAttribute('data-sort') ? parseFloat(td.getAttribute('data-sort')) : null)
                                   : td.textContent.trim().toLowerCase();
                  }).filter(function (k) { return k !== null && k !== ''; });
                }
                function ordered(ks, asc) {
                  for (var i = 1; i < ks.length; i++) {
                    var c = numeric ? ks[i] - ks[i - 1] : String(ks[i]).localeCompare(String(ks[i - 1]));
                    if (asc ? c < 0 : c > 0) { return false; }
                  }
                  return true;
                }
                var th = t.tHead.rows[0].cells[col];
                th.click();
                var up = keys();
                th.click();
                var down = keys();
                checked++;
                if (!ordered(up, true) || !ordered(down, false) || !th.classList.contains('desc')) {
                  bad.push(t.id + ' column ' + col);
                }
              });
              return {checked: checked, bad: bad};
            })()""";

    @TempDir
    static Path dir;

    static Chromium chromium;
    static Path profile;

    @BeforeAll
    static void startBrowser() throws Exception {
        Optional<Path> exe = Chromium.find();
        if (exe.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium is not installed but CI=true: .ci/run installs Debian's"
                        + " chromium package (apt-get install -y chromium); set SEXTANT_CHROMIUM to use another");
            }
            Assumptions.abort("no Chromium on this machine (install Debian's chromium package to run this test)");
        }
        // Not under @TempDir: Chromium leaves a socket link there that JUnit warns about when it cleans up.
        profile = Files.createTempDirectory("sextant-chromium-");
        chromium = Chromium.start(exe.get(), profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // A leftover browser profile in the temp directory harms nothing (Chromium may still be removing files).
            }
        }
    }

    @Test
    void cycleReportRendersCleanlyWithChartsAndSortableTables() throws Exception {
        String state = dir.resolve("state").toString();
        for (String day : List.of("2026-03-02", "2026-03-03", "2026-03-04")) {
            Cli c = Cli.run("cycle", "--state-dir", state, "--as-of", day, "--no-progress");
            assertThat(c.exit()).as(c.err()).isZero();
        }
        Path page = dir.resolve("r.html");
        Cli report = Cli.run("report", "--state-dir", state, "--html", "--out", page.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("wrote " + page);
        String html = Files.readString(page);
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script src");

        JsonNode charts = check(page, "cycle", 27 + 9 + 2);
        assertThat(titles(charts)).anyMatch(t -> t.startsWith("Phase timings"))
                .anyMatch(t -> t.startsWith("Account equity")).anyMatch(t -> t.startsWith("maxdiff"))
                .anyMatch(t -> t.startsWith("BTCUSD"));

        // Every symbol's chart shows its stored forecast band; the picks show their planned entry and take-profit.
        List<JsonNode> symbolCharts = new ArrayList<>();
        charts.forEach(c -> {
            if (c.path("title").asText().contains(" · ")) {
                symbolCharts.add(c);
            }
        });
        assertThat(symbolCharts).hasSize(27).allSatisfy(c -> assertThat(c.path("bands").asInt()).as(c.toString()).isOne());
        assertThat(symbolCharts).anySatisfy(c -> assertThat(c.path("markers").asInt()).isEqualTo(2));

        // The text report is unchanged by all this.
        assertThat(Cli.run("report", "--state-dir", state).out()).startsWith("Cycle 3 for 2026-03-04: ok");
    }

    @Test
    void replayReportRendersCleanlyWithAndWithoutOptionalParts() throws Exception {
        Path full = dir.resolve("replay-full");
        ReplayFixture.write(full, 11, true, true);
        Cli report = Cli.run("report", "--html", "--replay", full.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        JsonNode charts = check(full.resolve("report.html"), "replay", 6);
        assertThat(titles(charts)).anyMatch(t -> t.startsWith("Equity")).anyMatch(t -> t.startsWith("Drawdown"))
                .anyMatch(t -> t.startsWith("Monthly")).anyMatch(t -> t.contains("median window"))
                .anyMatch(t -> t.contains("10th-percentile")).anyMatch(t -> t.startsWith("Claimed"));

        // No SPY and no gate.json: the page still renders, without those parts.
        Path bare = dir.resolve("replay-bare");
        ReplayFixture.write(bare, 12, false, false);
        Path out = dir.resolve("bare.html");
        Cli second = Cli.run("report", "--html", "--replay", bare.toString(), "--out", out.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        check(out, "replay-bare", 4);
        assertThat(Files.readString(out)).contains("No gate.json");
    }

    @Test
    void aRealReplaysReportRenders() throws Exception {
        Path out = dir.resolve("real-replay");
        Cli replay = Cli.run(ReplayEndToEndTest.args("replay", "--from", "2026-01-05", "--to", "2026-02-13", "--out",
                out.toString(), "--gate", "--window", "10", "--set", "strategies.edge-z=0"));
        assertThat(replay.exit()).as(replay.err()).isZero();
        Cli report = Cli.run("report", "--html", "--replay", out.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        JsonNode charts = check(out.resolve("report.html"), "replay-real", 6);
        assertThat(titles(charts)).anyMatch(t -> t.startsWith("Equity")).anyMatch(t -> t.startsWith("Claimed"))
                .anyMatch(t -> t.contains("median window"));
        // The replay's own state is a ledger too: its last session's cycle (29 sessions; cycle 30 is the closing
        // settlement) renders as a cycle report.
        Path cycle = dir.resolve("replay-cycle.html");
        Cli cycleReport = Cli.run("report", "--state-dir", out.resolve("state/main").toString(), "--html", "--cycle",
                "29", "--out", cycle.toString());
        assertThat(cycleReport.exit()).as(cycleReport.err()).isZero();
        check(cycle, "replay-last-cycle", 5);
    }

    @Test
    void badReplayInputIsOneClearLine() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-replay"));
        assertThat(Cli.run("report", "--html", "--replay", empty.toString()).err()).contains("no replay.json in " + empty);
        Files.writeString(empty.resolve("replay.json"), "{\"replay\": {\"equity\": [[\"2025-13-01\", 1]]}}");
        assertThat(Cli.run("report", "--html", "--replay", empty.toString()).err())
                .contains("replay.json").contains("replay.equity[0]").contains("2025-13-01");
        assertThat(Cli.run("report", "--replay", empty.toString()).err()).contains("add --html");
    }

    /** Opens the page, checks it, saves full-page and top screenshots; returns the chart summaries. */
    private static JsonNode check(Path page, String name, int minCharts) throws Exception {
        int errorsBefore = chromium.errors.size();
        Chromium.Tab tab = chromium.open(page.toUri().toString(), 1440, 900);
        JsonNode charts = tab.eval(CHARTS);
        assertThat(charts.size()).as("charts on " + name).isGreaterThanOrEqualTo(minCharts);
        for (JsonNode c : charts) {
            assertThat(c.path("points").asInt()).as("data points of " + c.path("title")).isPositive();
            assertThat(c.path("marks").asInt()).as("drawn marks of " + c.path("title")).isPositive();
            assertThat(c.path("width").asDouble()).as("width of " + c.path("title")).isPositive();
        }
        tab.screenshot(SHOTS.resolve(name + ".png"), 16_000, 1);
        tab.screenshot(SHOTS.resolve(name + "-top.png"), 1400, 0.6);
        JsonNode sorts = tab.eval(SORTS);
        assertThat(sorts.path("checked").asInt()).as("sortable tables on " + name).isPositive();
        assertThat(sorts.path("bad")).as("tables that did not sort on " + name).isEmpty();
        assertThat(chromium.errors.subList(errorsBefore, chromium.errors.size())).as("page errors on " + name).isEmpty();
        assertThat(chromium.requests).as("network requests").isEmpty();
        return charts;
    }

    private static List<String> titles(JsonNode charts) {
        List<String> t = new ArrayList<>();
        charts.forEach(c -> t.add(c.path("title").asText()));
        return t;
    }
}
