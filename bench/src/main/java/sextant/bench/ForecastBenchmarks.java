package sextant.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Forecaster;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.data.SyntheticMarket;
import sextant.forecast.Forecasters;

/**
 * A cycle's forecasting work for the built-in models: 27 symbols x 76 contexts (the timing a unit test used to
 * assert; benchmarks report it instead).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ForecastBenchmarks extends BenchmarkRun {
    /** JMH sets each of the @Param values before @Setup; the initial value only keeps the field non-null. */
    @Param({"naive", "range-vol", "ridge"})
    public String model = "naive";

    private Forecaster forecaster;
    private List<ForecastContext> contexts;

    @Setup
    public void setUp() {
        forecaster = Forecasters.create(model, 1);
        SyntheticMarket market = new SyntheticMarket(7);
        contexts = new ArrayList<>();
        for (int s = 0; s < 27; s++) {
            BarSeries bars = market.dailyBars(Instrument.stock("S" + s), java.time.LocalDate.of(2023, 1, 2),
                    java.time.LocalDate.of(2026, 3, 1));
            for (int k = 0; k < 76; k++) {
                contexts.add(new ForecastContext(bars, bars.size() - k));
            }
        }
    }

    @Benchmark
    public ForecastBatch cycleOfContexts() {
        return forecaster.forecast(contexts);
    }
}
