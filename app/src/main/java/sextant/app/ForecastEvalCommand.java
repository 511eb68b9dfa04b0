package sextant.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.core.forecast.Forecaster;
import sextant.core.market.BarSeries;
import sextant.forecast.eval.EvaluationReport;
import sextant.forecast.eval.ForecastEvaluation;

@Command(name = "forecast-eval", mixinStandardHelpOptions = true, description = {
        "Walk-forward evaluation of forecasting models on a CSV directory.",
        "Each of the newest N bars of every symbol is forecast from the bars before it only; reports per model and",
        "target (close, high, low one-bar % change) the MAE, the pinball loss averaged over the 9 quantiles, the",
        "coverage of the 10-90% band and, for the low, the fill-hit rate (actual low <= predicted low)."})
final class ForecastEvalCommand implements Callable<Integer> {
    @Mixin
    ModelComparison inputs;

    @Option(names = "--windows", defaultValue = "70", paramLabel = "N", description = "Bars evaluated per symbol (default: ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--json", description = "Print {\"models\": {name: {close|high|low: {mae, pinball, coverage[, fill_hit_rate]}}}}.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = inputs.terminal();
        Optional<List<Forecaster>> forecasters = inputs.forecasters(true);
        if (forecasters.isEmpty()) {
            return Main.EXIT_USAGE;
        }
        if (windows < 1) {
            return terminal.fail(Main.EXIT_USAGE, "--windows must be >= 1, got " + windows);
        }
        List<BarSeries> series = inputs.bars();
        if (series.isEmpty()) {
            return terminal.fail(Main.EXIT_FAILURE, inputs.data + ": no <SYMBOL>.csv files found");
        }
        EvaluationReport report = ForecastEvaluation.run(series, forecasters.get(), windows);
        PrintWriter out = terminal.out();
        out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
        out.flush();
        return Main.EXIT_OK;
    }
}
