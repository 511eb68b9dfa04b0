package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.forecast.store.ModelStore;
import sextant.testkit.Shared;

class ForecastCommandsTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** A few real symbols copied to a temp dir keep the command tests fast. */
    private Path someSymbols(int n) throws IOException {
        Path src = Shared.path("data/daily");
        Path dir = Files.createDirectories(tmp.resolve("data"));
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.sorted().limit(n).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void forecastEvalPrintsExactlyTheDocumentedJson() throws IOException {
        Path data = someSymbols(4);
        Run r = run("forecast-eval", "--data", data.toString(), "--models", "naive,range-vol", "--windows", "30", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.fieldNames()).toIterable().containsExactly("models");
        assertThat(root.get("models").fieldNames()).toIterable().containsExactly("naive", "range-vol");
        for (String model : List.of("naive", "range-vol")) {
            JsonNode m = root.get("models").get(model);
            assertThat(m.fieldNames()).toIterable().containsExactly("close", "high", "low");
            assertThat(m.get("close").fieldNames()).toIterable().containsExactly("mae", "pinball", "coverage");
            assertThat(m.get("high").fieldNames()).toIterable().containsExactly("mae", "pinball", "coverage");
            assertThat(m.get("low").fieldNames()).toIterable().containsExactly("mae", "pinball", "coverage", "fill_hit_rate");
            assertThat(m.get("low").get("coverage").asDouble()).isBetween(0.5, 1.0);
            assertThat(m.get("high").get("mae").asDouble()).isBetween(0.001, 0.1);
        }
        assertThat(root.get("models").get("range-vol").get("high").get("mae").asDouble())
                .isLessThan(root.get("models").get("naive").get("high").get("mae").asDouble());
    }

    @Test
    void forecastEvalTextAndUsageErrors() throws IOException {
        Path data = someSymbols(2);
        Run text = run("forecast-eval", "--data", data.toString(), "--windows", "10");
        assertThat(text.code()).isEqualTo(Main.EXIT_OK);
        assertThat(text.out()).contains("naive", "range-vol", "ridge", "vs naive", "2 symbols, 20 forecasts");
        Run bad = run("forecast-eval", "--data", data.toString(), "--models", "toto");
        assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.err()).contains("unknown model 'toto'");
        Run missing = run("forecast-eval", "--data", tmp.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(missing.err()).contains("nope").contains("not a directory");
    }

    @Test
    void selectModelsWritesAStoreTheCycleCanRead() throws IOException {
        Path data = someSymbols(3);
        Path store = tmp.resolve("hyperparams");
        Run r = run("select-models", "--data", data.toString(), "--store", store.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
        assertThat(r.out()).contains("wrote 3 best and 9 candidate records");
        ModelStore s = ModelStore.open(store);
        assertThat(s.bestRecords()).hasSize(3);
        s.bestRecords().forEach((sym, rec) -> {
            assertThat(s.modelFor(sym)).contains(rec.model());
            assertThat(r.out()).contains(sym);
        });
        assertThat(Files.exists(store.resolve("naive"))).isTrue();
    }
}
