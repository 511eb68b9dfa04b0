package sextant.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sextant.core.forecast.Forecaster;
import sextant.core.market.BarSeries;
import sextant.data.CsvMarketData;
import sextant.forecast.SymbolClassifier;
import sextant.forecast.eval.EvaluationReport;
import sextant.forecast.eval.ForecastEvaluation;

@Command(name = "forecast-eval", mixinStandardHelpOptions = true, description = {
        "Walk-forward evaluation of forecasting models on a CSV directory.",
        "Each of the newest N bars of every symbol is forecast from the bars before it only; reports per model and",
        "target (close, high, low one-bar % change) the MAE, the pinball loss averaged over the 9 quantiles, the",
        "coverage of the 10-90% band and, for the low, the fill-hit rate (actual low <= predicted low)."})
final class ForecastEvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory of <SYMBOL>.csv daily bars.")
    Path data;

    @Option(names = "--models", split = ",", paramLabel = "ID", description = "Models to evaluate: built-in ids or chronos-bolt:DIR checkpoints (default: every built-in model)")
    List<String> models;

    @Option(names = "--windows", defaultValue = "70", paramLabel = "N", description = "Bars evaluated per symbol (default: ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--json", description = "Print {\"models\": {name: {close|high|low: {mae, pinball, coverage[, fill_hit_rate]}}}}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Forecaster> forecasters = BuiltInModelChoice.create(models, err, true);
        if (forecasters == null) {
            return Main.EXIT_USAGE;
        }
        if (windows < 1) {
            err.println("error: --windows must be >= 1, got " + windows);
            err.flush();
            return Main.EXIT_USAGE;
        }
        List<BarSeries> series = CsvMarketData.open(data).loadAll(SymbolClassifier::assetClassOf);
        if (series.isEmpty()) {
            err.println("error: " + data + ": no <SYMBOL>.csv files found");
            err.flush();
            return Main.EXIT_FAILURE;
        }
        EvaluationReport report = ForecastEvaluation.run(series, forecasters, windows);
        out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
        out.flush();
        return Main.EXIT_OK;
    }
}
