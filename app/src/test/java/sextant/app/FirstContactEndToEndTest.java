package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.app.CycleEndToEndTest.count;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.testkit.Shared;

/** A newcomer's first runs, through the real CLI: the synthetic market's levels, then their own CSV directory. */
class FirstContactEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void freshCycleShowsRecognisablePricesAndEndsWithStateAccountAndNextSteps() throws Exception {
        String state = dir.resolve("state").toString();
        Cli text = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-02", "--no-progress");
        assertThat(text.exit()).as(text.err()).isZero();
        // Traded or not, every symbol's line shows a price a trader recognises.
        assertThat(text.out()).containsPattern("BTCUSD +(trade .*entry|skip +last close) [1-9][0-9]{4}\\.[0-9]{2}[, ]")
                .containsPattern("ETHUSD +(trade .*entry|skip +last close) [1-9][0-9]{3}\\.[0-9]{2}[, ]")
                .containsPattern("SPY +(trade .*entry|skip +last close) [1-9][0-9]{2}\\.[0-9]{2}[, ]");
        var tail = text.out().strip().lines().toList();
        tail = tail.subList(tail.size() - 3, tail.size());
        assertThat(tail.get(0)).startsWith("State: " + Path.of(state).toAbsolutePath().normalize() + " (").endsWith("cycle #1");
        assertThat(tail.get(1)).startsWith("Paper account: equity 100000.00 (+0.00 since the last settlement, 0 new fills);")
                .containsPattern("; this cycle placed [1-9][0-9]* orders and cancelled 0: they meet the 2026-03-02 bar when the next"
                        + " cycle runs$");
        assertThat(tail.get(2)).startsWith("Next: ./sextant report --state-dir " + state + " shows why each symbol was chosen")
                .contains("the next session: this command with --as-of 2026-03-03");

        // The same day again (nothing new is sent) as JSON: the prices that the first run saw.
        Cli json = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-02", "--no-progress", "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        var again = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-02", "--no-progress").out().strip().lines().toList();
        assertThat(again.get(again.size() - 3)).endsWith("this was cycle #3");
        assertThat(again.get(again.size() - 2)).endsWith("this cycle placed 0 orders and cancelled 0: nothing new was sent");
        JsonNode decisions = new ObjectMapper().readTree(json.out()).get("decisions");
        for (JsonNode d : decisions) {
            if (d.get("symbol").asText().equals("LINKUSD")) {
                assertThat(entry(decisions, "LINKUSD")).as("LINKUSD's entry, the one pick").isBetween(5.0, 99.0);
            }
        }
        // Symbols that were not traded: their newest closed bar, as the cycle cached it.
        assertThat(lastClose(state, "SPY")).isBetween(100, 999);
        assertThat(lastClose(state, "QQQ")).isBetween(100, 999);
        assertThat(lastClose(state, "COST")).isBetween(500, 1_500);
        assertThat(lastClose(state, "INTC")).isBetween(10, 99);
        assertThat(lastClose(state, "BTCUSD")).isBetween(10_000, 99_999);
    }

    @Test
    void universeFromDataTradesEveryFileOfTheDirectoryWithNoOtherSetting() throws Exception {
        String state = dir.resolve("state").toString();
        Cli r = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-19", "--no-progress", "--json",
                "--set", "data.source=csv", "--set", "data.csv-dir=" + Shared.root().resolve("data/daily"),
                "--universe-from-data");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("error");
        JsonNode decisions = new ObjectMapper().readTree(r.out()).get("decisions");
        assertThat(decisions).hasSize(35);
        for (JsonNode d : decisions) {
            assertThat(d.get("action").asText()).as(d.get("symbol").asText() + ": " + d.get("reason").asText())
                    .isNotEqualTo("error");
        }
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE action<>'error'")).isEqualTo(35);
        // Each was backtested on its own bars: every decision says which forecasts its backtest used.
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE reason LIKE '%forecasts by range-vol%'")).isEqualTo(35);
    }

    @Test
    void universeFromDataKnowsCryptoByTheFilesSymbolColumnOrByUniverseCrypto() throws Exception {
        Path data = Files.createDirectories(dir.resolve("csv"));
        Files.copy(Shared.root().resolve("data/crypto/SUIUSDT.csv"), data.resolve("SUIUSDT.csv"));
        Files.copy(Shared.root().resolve("data/daily/AEM.csv"), data.resolve("AEM.csv"));
        Files.copy(Shared.root().resolve("data/daily/HEI.csv"), data.resolve("HEI.csv"));
        SextantConfig cfg = SextantConfig.load(null, java.util.List.of("data.source=csv", "data.csv-dir=" + data,
                "universe.crypto=[HEI]"));
        UniverseChoice u = UniverseChoice.resolve(cfg, true);
        assertThat(u.instruments()).extracting(i -> i.symbol() + ":" + (i.isCrypto() ? "crypto" : "stock"))
                .containsExactly("AEM:stock", "HEI:crypto", "SUIUSDT:crypto");
        assertThat(u.missing()).isEmpty();
        // The configuration key does what the flag does.
        SextantConfig keyed = SextantConfig.load(null, java.util.List.of("data.source=csv", "data.csv-dir=" + data,
                "universe.crypto=[HEI]", "universe.from-data=true"));
        assertThat(UniverseChoice.resolve(keyed, false)).isEqualTo(u);
        // Without csv there is no directory to take symbols from: a clear usage error, not a guess.
        Cli r = Cli.run("cycle", "--state-dir", dir.resolve("s").toString(), "--universe-from-data", "--as-of", "2026-03-02");
        assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).isEqualTo("error: --universe-from-data needs data.source csv (a directory of files to"
                + " take the symbols from), but the data source is synthetic; add --set data.source=csv --set data.csv-dir=DIR");
    }

    @Test
    void listedSymbolsWithoutDataAreReportedOnceInOneLineAndTheOthersTrade() throws Exception {
        String state = dir.resolve("state").toString();
        Path daily = Shared.root().resolve("data/daily");
        Cli r = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-19", "--no-progress",
                "--set", "data.source=csv", "--set", "data.csv-dir=" + daily,
                "--set", "universe.stocks=[AEM,NOPE,HEI,ZZZ]", "--set", "universe.crypto=[BTCUSD]");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: 3 symbols of universe.stocks/universe.crypto have no CSV file under "
                + daily + ": NOPE, ZZZ, BTCUSD; add <SYMBOL>.csv files, remove them from the universe, or trade what "
                + daily + " holds with --universe-from-data");
        assertThat(r.out()).contains("Decisions: 2 symbols");
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE action<>'error'")).isEqualTo(2);

        // Nothing at all to trade: the same one line, and no cycle is started.
        Cli none = Cli.run("cycle", "--state-dir", dir.resolve("other").toString(), "--as-of", "2026-03-19",
                "--set", "data.source=csv", "--set", "data.csv-dir=" + daily);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err().strip().lines()).hasSize(1);
        assertThat(none.err()).startsWith("error: 27 symbols of universe.stocks/universe.crypto have no CSV file under ");
        assertThat(Files.exists(dir.resolve("other/sextant.db"))).isFalse();
    }

    @Test
    void aStrayCopyOfASymbolsFileIsRefusedAsAmbiguousNamingBothAndTheOthersTrade() throws Exception {
        Path data = Files.createDirectories(dir.resolve("csv"));
        Path shared = Shared.root().resolve("data/daily");
        Files.copy(shared.resolve("AEM.csv"), data.resolve("AEM.csv"));
        Files.createDirectories(data.resolve("a"));
        Files.copy(shared.resolve("KGC.csv"), data.resolve("a/AEM.csv"));
        Files.copy(shared.resolve("HEI.csv"), data.resolve("HEI.csv"));
        Files.copy(shared.resolve("JD.csv"), data.resolve("jd.CSV"));
        Files.copy(shared.resolve("XPO.csv"), data.resolve("JD.csv"));
        String state = dir.resolve("state").toString();
        Cli r = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-19", "--no-progress",
                "--set", "data.source=csv", "--set", "data.csv-dir=" + data, "--universe-from-data");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("error: AEM: data: ambiguous source: 2 files could hold AEM: " + data.resolve("AEM.csv")
                + ", " + data.resolve("a/AEM.csv") + "; keep the right one and delete or rename the others (e.g. to .csv.bak)");
        assertThat(r.err()).contains("error: JD: data: ambiguous source: 2 files could hold JD: ")
                .contains(data.resolve("JD.csv").toString()).contains(data.resolve("jd.CSV").toString());
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE action='error'")).isEqualTo(2);
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE symbol='HEI' AND action<>'error'")).isEqualTo(1);
        assertThat(count(state, "SELECT COUNT(*) FROM paper_orders WHERE symbol IN ('AEM','JD')")).isZero();
    }

    @Test
    void yahooAdjCloseAndUtf16FilesTradeAndABinaryFileIsRefusedWithoutEchoingItsBytes() throws Exception {
        Path data = Files.createDirectories(dir.resolve("csv"));
        Path shared = Shared.root().resolve("data/daily");
        // Yahoo's own layout: Date,Open,High,Low,Close,Adj Close,Volume (from the shared file's columns).
        var rows = Files.readAllLines(shared.resolve("AEM.csv"));
        StringBuilder yahoo = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            yahoo.append(String.join(",", f[0], f[4], f[2], f[3], f[1], f[1], f[5])).append('\n');
        }
        Files.writeString(data.resolve("AEM.csv"), yahoo);
        Files.write(data.resolve("HEI.csv"), Files.readString(shared.resolve("HEI.csv"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_16));
        byte[] junk = new byte[4096];
        new java.util.Random(3).nextBytes(junk);
        junk[0] = 0x1B;
        junk[7] = 0;
        Files.write(data.resolve("JD.csv"), junk);
        String state = dir.resolve("state").toString();
        Cli r = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-19", "--no-progress",
                "--set", "data.source=csv", "--set", "data.csv-dir=" + data, "--universe-from-data");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: JD: data: " + data.resolve("JD.csv") + ": is binary, not a CSV text"
                + " file (NUL byte at offset 7); expected a header line such as Date,Open,High,Low,Close,Volume");
        assertThat((r.out() + r.err()).chars().allMatch(c -> c == '\n' || (c >= 0x20 && c <= 0x7E))).isTrue();
        assertThat(count(state, "SELECT COUNT(*) FROM decisions WHERE symbol IN ('AEM','HEI') AND action<>'error'"))
                .isEqualTo(2);
    }

    private static int lastClose(String state, String symbol) throws Exception {
        return count(state, "SELECT CAST(close AS INTEGER) FROM bars WHERE symbol='" + symbol + "' ORDER BY day DESC LIMIT 1");
    }

    private static double entry(JsonNode decisions, String symbol) {
        for (JsonNode d : decisions) {
            if (d.get("symbol").asText().equals(symbol)) {
                JsonNode e = d.get("entry");
                return e == null || e.isNull() ? Double.NaN : e.asDouble();
            }
        }
        throw new AssertionError("no decision for " + symbol);
    }
}
