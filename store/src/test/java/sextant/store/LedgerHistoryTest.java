package sextant.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastStore;

/** Reads stored forecasts back as the HTML report does, from a real SQLite file. */
class LedgerHistoryTest {
    @TempDir
    Path dir;

    @Test
    void closeQuantilesComeFromTheCloseTargetAndTheModelIsFoundByIdOrByCoverage() {
        try (Database db = Database.openIn(dir)) {
            double[] row = new double[ForecastBatch.STRIDE];
            for (int i = 0; i < row.length; i++) {
                row[i] = i / 100.0;
            }
            new SqliteForecastStore(db).save(Map.of(
                    new ForecastStore.Key("range-vol|half_life=5", "AAPL", 20_000, 256, 1L), row,
                    new ForecastStore.Key("range-vol|half_life=5", "AAPL", 20_001, 256, 2L), row,
                    new ForecastStore.Key("other|x", "AAPL", 20_001, 64, 3L), row));
            LedgerHistory h = new LedgerHistory(db);
            Map<Integer, LedgerHistory.CloseForecast> fc = h.closeForecasts("range-vol", "AAPL", 20_000, 20_005);
            assertThat(fc).containsOnlyKeys(20_000, 20_001);
            // Close block first: [point, q0.1 .. q0.9] -> q0.1 at 1, the median at 5, q0.9 at 9.
            assertThat(fc.get(20_000)).isEqualTo(new LedgerHistory.CloseForecast(20_000, 0.01, 0.05, 0.09));
            assertThat(h.closeForecasts("models/m.json", "AAPL", 20_000, 20_005)).isEmpty();
            assertThat(h.mostCoveringModel("AAPL", 20_000, 20_005)).isEqualTo("range-vol|half_life=5");
            assertThat(h.closeForecasts("other|x", "AAPL", 20_000, 20_005)).containsOnlyKeys(20_001);
            assertThat(h.mostCoveringModel("MSFT", 20_000, 20_005)).isNull();
        }
    }
}
