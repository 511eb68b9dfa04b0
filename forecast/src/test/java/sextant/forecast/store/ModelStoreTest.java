package sextant.forecast.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    @TempDir
    Path dir;

    /** A best file as the original wrote it (anchor-spec §4.5, UNIUSD example), with an extra unknown field. */
    private static final String ORIGINAL_BEST = """
            {
              "symbol": "UNIUSD",
              "model": "chronos2",
              "config": {"model_id": "chronos2", "device_map": "cuda", "context_length": 512, "prediction_length": 1,
                         "quantile_levels": [0.1, 0.5, 0.9], "batch_size": 2048},
              "validation": {"price_mae": 0.21, "pct_return_mae": 0.02063, "latency_s": 1.7},
              "test": {"price_mae": 0.25, "test_pct_return_mae": 0.0251, "latency_s": 1.6},
              "windows": {"val_window": 20, "test_window": 20, "forecast_horizon": 1},
              "metadata": {"candidate_pct_return_mae": {"kronos": 0.0314, "toto": 0.4868, "chronos2": 0.0206},
                           "selection_metric": "validation.pct_return_mae", "selection_value": 0.02063,
                           "improvement_pct": 34.3},
              "config_path": "hyperparams/chronos2/UNIUSD.json",
              "unknown_extra": true
            }
            """;

    @Test
    void readsTheOriginalsBestFilesAndAnswersCaseInsensitively() throws IOException {
        Files.createDirectories(dir.resolve("best"));
        Files.writeString(dir.resolve("best/UNIUSD.json"), ORIGINAL_BEST);
        ModelStore store = ModelStore.open(dir);
        assertThat(store.modelFor("UNIUSD")).contains("chronos2");
        assertThat(store.modelFor("uniusd")).contains("chronos2");
        assertThat(store.modelFor("BTCUSD")).isEmpty();
        ModelRecord r = store.best("UNIUSD").orElseThrow();
        assertThat(r.validation().pctReturnMae()).isEqualTo(0.02063);
        assertThat(r.test().pctReturnMae()).as("the test_pct_return_mae spelling").isEqualTo(0.0251);
        assertThat(r.windows()).isEqualTo(new ModelRecord.Windows(20, 20, 1));
        assertThat(r.config()).containsEntry("context_length", 512).containsEntry("quantile_levels", List.of(0.1, 0.5, 0.9));
        assertThat(r.configPath()).isEqualTo("hyperparams/chronos2/UNIUSD.json");
        assertThat(r.metadata()).containsEntry("selection_metric", "validation.pct_return_mae");
    }

    @Test
    void writtenRecordsReadBackIdenticallyWithTheSameFields() throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", "range-vol");
        config.put("context_length", 256);
        config.put("half_life", 5.0);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("candidate_pct_return_mae", Map.of("naive", 0.03, "range-vol", 0.025));
        meta.put("selection_metric", ModelSelection.SELECTION_METRIC);
        meta.put("selection_value", 0.025);
        meta.put("improvement_pct", 16.7);
        ModelRecord best = new ModelRecord("AEM", "range-vol", config, new ModelRecord.Scores(0.5, 0.025, 0.001),
                new ModelRecord.Scores(0.6, 0.027, 0.001), new ModelRecord.Windows(20, 20, 1), meta, "range-vol/AEM.json");
        ModelRecord cand = new ModelRecord("AEM", "range-vol", config, best.validation(), best.test(), best.windows(),
                Map.of("source", "test"), null);
        ModelStore.write(dir, List.of(cand), List.of(best));
        assertThat(ModelStore.read(dir.resolve("range-vol/AEM.json"))).isEqualTo(cand);
        assertThat(ModelStore.open(dir).best("AEM")).contains(best);
        String text = Files.readString(dir.resolve("best/AEM.json"));
        for (String field : List.of("\"symbol\"", "\"model\"", "\"config\"", "\"validation\"", "\"price_mae\"", "\"pct_return_mae\"",
                "\"latency_s\"", "\"test\"", "\"windows\"", "\"val_window\"", "\"test_window\"", "\"forecast_horizon\"",
                "\"metadata\"", "\"config_path\"", "\"candidate_pct_return_mae\"", "\"selection_metric\"", "\"selection_value\"",
                "\"improvement_pct\"")) {
            assertThat(text).contains(field);
        }
        assertThat(Files.readString(dir.resolve("range-vol/AEM.json"))).doesNotContain("config_path");
    }

    @Test
    void brokenOrMisnamedRecordsAreRejectedNamingTheFile() throws IOException {
        Files.createDirectories(dir.resolve("best"));
        Files.writeString(dir.resolve("best/AAA.json"), "{\"symbol\": \"AAA\", \"model\": ");
        assertThatThrownBy(() -> ModelStore.open(dir)).hasMessageContaining("AAA.json").hasMessageContaining("not valid JSON");
        Files.writeString(dir.resolve("best/AAA.json"), "{\"symbol\": \"AAA\"}");
        assertThatThrownBy(() -> ModelStore.open(dir)).hasMessageContaining("AAA.json").hasMessageContaining("'model'");
        Files.writeString(dir.resolve("best/AAA.json"), "{\"symbol\": \"BBB\", \"model\": \"naive\"}");
        assertThatThrownBy(() -> ModelStore.open(dir)).hasMessageContaining("AAA.json").hasMessageContaining("'BBB'");
    }

    @Test
    void aMissingDirectoryIsAnEmptyStore() {
        ModelStore store = ModelStore.open(dir.resolve("nothing-here"));
        assertThat(store.bestRecords()).isEmpty();
        assertThat(store.modelFor("AEM")).isEmpty();
    }

    @Test
    void modelIdsBecomeSafeDirectoryNames() {
        assertThat(ModelStore.candidatePath("onnx:tiny/q", "btcusd")).isEqualTo("onnx_tiny_q/BTCUSD.json");
    }
}
