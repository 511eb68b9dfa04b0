package sextant.forecast.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.forecast.Forecaster;
import sextant.core.market.BarSeries;
import sextant.forecast.Forecasters;
import sextant.forecast.SharedData;

class ModelSelectionTest {
    @TempDir
    Path dir;

    private static List<Forecaster> allModels() {
        List<Forecaster> models = new ArrayList<>();
        for (String id : Forecasters.ids()) {
            models.add(Forecasters.create(id, 1));
        }
        return models;
    }

    @Test
    void picksTheLowestValidationMaeWithValidationStrictlyBeforeTestAndWritesAReadableStore() {
        List<BarSeries> data = new ArrayList<>(SharedData.daily().subList(0, 6));
        data.add(data.get(0).head(30)); // too short for 20 + 20 bars: skipped, not a failure
        ModelSelection.Result result = ModelSelection.select(data, allModels(), 20, 20);
        assertThat(result.skipped()).singleElement().asString().contains(data.get(0).symbol()).contains("30 bars");
        assertThat(result.candidates()).hasSize(6 * Forecasters.ids().size());
        assertThat(result.best()).hasSize(6);
        for (ModelRecord best : result.best()) {
            List<ModelRecord> mine = result.candidates().stream().filter(c -> c.symbol().equals(best.symbol())).toList();
            double min = mine.stream().mapToDouble(c -> c.validation().pctReturnMae()).min().orElseThrow();
            assertThat(best.validation().pctReturnMae()).isEqualTo(min);
            assertThat(best.metadata()).containsEntry("selection_metric", "validation.pct_return_mae")
                    .containsEntry("selection_value", min).containsKey("improvement_pct");
            @SuppressWarnings("unchecked")
            Map<String, Object> cand = (Map<String, Object>) best.metadata().get("candidate_pct_return_mae");
            assertThat(cand).containsOnlyKeys(Forecasters.ids());
            assertThat(best.configPath()).isEqualTo(best.model() + "/" + best.symbol() + ".json");
            LocalDate valEnd = LocalDate.parse((String) best.metadata().get("val_end"));
            LocalDate testStart = LocalDate.parse((String) best.metadata().get("test_start"));
            assertThat(valEnd).isBefore(testStart);
            assertThat(best.windows()).isEqualTo(new ModelRecord.Windows(20, 20, 1));
            assertThat(best.validation().priceMae()).isPositive();
            assertThat(best.test().pctReturnMae()).isPositive();
        }
        ModelStore.write(dir, result.candidates(), result.best());
        ModelStore store = ModelStore.open(dir);
        for (ModelRecord best : result.best()) {
            assertThat(store.modelFor(best.symbol())).contains(best.model());
            assertThat(Files.exists(dir.resolve(best.configPath()))).isTrue();
            // The stored config recreates the very model that was scored.
            Forecaster again = Forecasters.create(best.model(), 1, store.best(best.symbol()).orElseThrow().config());
            assertThat(again.parametersKey()).isEqualTo(best.metadata().get("parameters_key"));
        }
    }
}
