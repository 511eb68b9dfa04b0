package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import sextant.core.backtest.BacktestSpec;
import sextant.core.forecast.ForecastStore;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.data.SyntheticMarket;
import sextant.forecast.Forecasters;

class ForecastStageTest {
    @Test
    void splittingAThreadSafeModelAcrossThreadsChangesNoForecast() {
        SyntheticMarket market = new SyntheticMarket(3);
        Map<Instrument, BarSeries> bars = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            Instrument inst = i % 4 == 0 ? Instrument.crypto("C" + i + "USD") : Instrument.stock("S" + i);
            bars.put(inst, market.dailyBars(inst, LocalDate.of(2023, 1, 1), LocalDate.of(2025, 6, 30)));
        }
        BacktestSpec spec = BacktestSpec.anchorDefaults();
        ModelRouting models = ModelRouting.single(Forecasters.create("range-vol", 1));
        assertThat(models.defaultModel().threadSafe()).isTrue();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            var one = new ForecastStage(ForecastStore.NONE, CycleListener.NONE, pool, 1).run(models, bars, spec);
            var three = new ForecastStage(ForecastStore.NONE, CycleListener.NONE, pool, 3).run(models, bars, spec);
            assertThat(three.computed()).isEqualTo(one.computed()).isEqualTo(20L * (2 * spec.windows() + spec.daysPerWindow() + 1)); // one-step history of 2W bars, each fitted on d before it
            for (Instrument inst : bars.keySet()) {
                assertThat(three.paths().get(inst).close()).containsExactly(one.paths().get(inst).close());
                assertThat(three.paths().get(inst).high()).containsExactly(one.paths().get(inst).high());
                assertThat(three.paths().get(inst).low()).containsExactly(one.paths().get(inst).low());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
