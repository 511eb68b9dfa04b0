package sextant.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sextant.core.backtest.BacktestSpec;
import sextant.core.backtest.ForecastPath;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.backtest.SymbolBacktester;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.optimize.EntryExitOptimizer;
import sextant.core.optimize.GridSearchOptimizer;
import sextant.core.optimize.MultiplierFit;
import sextant.core.optimize.MultiplierProblem;
import sextant.core.strategy.MaxDiff;
import sextant.core.strategy.SyntheticBands;
import sextant.core.strategy.WindowBenchmark;

/**
 * Kernel, optimiser and per-symbol backtest costs. Run:
 * {@code java -jar bench/target/benchmarks.jar StrategyBenchmarks -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StrategyBenchmarks extends BenchmarkRun {
    @Param({"6", "64"})
    int days;

    private MultiplierProblem problem;
    private final EntryExitOptimizer exact = new EntryExitOptimizer();
    private final GridSearchOptimizer grid = GridSearchOptimizer.anchor();
    private WindowBenchmark windows;
    private long next;
    private BarSeries bars;
    private ForecastPath path;

    @Setup
    public void setUp() {
        SyntheticBands.Series s = SyntheticBands.generate(42, 400);
        MaxDiff md = new MaxDiff(s.bands(), false, 0.0005, 252);
        problem = md.problem(200, 200 + days);
        windows = new WindowBenchmark(64, days, 42);
        int n = s.close().length;
        int[] epochDays = new int[n];
        double[] open = new double[n];
        double[] vol = new double[n];
        for (int i = 0; i < n; i++) {
            epochDays[i] = 18000 + i;
            open[i] = Math.min(Math.max(s.close()[i], s.low()[i]), s.high()[i]);
            vol[i] = 1;
        }
        bars = BarSeries.of(Instrument.stock("BENCH"), epochDays, open, s.high(), s.low(), s.close(), vol);
        path = new ForecastPath(s.fClose(), s.fHigh(), s.fLow());
    }

    /** The real kernel summed over the window at one multiplier pair (one objective evaluation). */
    @Benchmark
    public double kernelWindow() {
        return problem.total(0.001, -0.002, false);
    }

    /** Exact breakpoint search, both close-at-EOD flags. */
    @Benchmark
    public MultiplierFit optimiserExact() {
        return exact.fitBothFlags(problem);
    }

    /** The original's 33/17/9 grid (1,459 kernel sums per flag), both flags. */
    @Benchmark
    public MultiplierFit optimiserAnchorGrid() {
        return grid.fitBothFlags(problem);
    }

    /** One window as the bench command counts it: MaxDiff + AlwaysOn, each optimised over both flags. */
    @Benchmark
    public double window() {
        return windows.evaluate(next++, 1, exact);
    }

    /** One symbol, 70 windows, all nine strategies with walk-forward (only meaningful for days = 6). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SymbolBacktest symbolBacktest() {
        return SymbolBacktester.run(bars, path, new BacktestSpec(70, days, Double.NaN, BacktestSpec.anchorDefaults().strategies()));
    }

    /** One symbol under the conservative fill model (the default), from scratch: a cold cycle's cost per symbol. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SymbolBacktest symbolBacktestConservative() {
        return SymbolBacktester.run(bars, path, new BacktestSpec(70, days, Double.NaN,
                BacktestSpec.anchorDefaults().strategies(), sextant.core.strategy.FillModel.CONSERVATIVE));
    }
}
