package sextant.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sextant.core.forecast.Forecaster;
import sextant.core.market.BarSeries;
import sextant.data.CsvMarketData;
import sextant.forecast.SymbolClassifier;
import sextant.forecast.store.ModelRecord;
import sextant.forecast.store.ModelSelection;
import sextant.forecast.store.ModelStore;

@Command(name = "select-models", mixinStandardHelpOptions = true, description = {
        "Pick a forecasting model per symbol by validation MAE and write the model store.",
        "Validation bars come strictly before the newest test bars; the store is the original's hyper-parameter",
        "layout: <store>/<model>/<SYMBOL>.json for every candidate and <store>/best/<SYMBOL>.json for the choice."})
final class SelectModelsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory of <SYMBOL>.csv daily bars.")
    Path data;

    @Option(names = "--store", defaultValue = "hyperparams", paramLabel = "DIR", description = "Model store directory (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--models", split = ",", paramLabel = "ID", description = "Candidate models (default: every built-in model).")
    List<String> models;

    @Option(names = "--val-window", defaultValue = "20", paramLabel = "N", description = "Validation bars per symbol (default: ${DEFAULT-VALUE}).")
    int valWindow;

    @Option(names = "--test-window", defaultValue = "20", paramLabel = "N", description = "Newest bars held out as test (default: ${DEFAULT-VALUE}).")
    int testWindow;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Forecaster> candidates = BuiltInModelChoice.create(models, err);
        if (candidates == null) {
            return Main.EXIT_USAGE;
        }
        if (valWindow < 1 || testWindow < 1) {
            err.println("error: --val-window and --test-window must be >= 1");
            err.flush();
            return Main.EXIT_USAGE;
        }
        List<BarSeries> series = CsvMarketData.open(data).loadAll(SymbolClassifier::assetClassOf);
        ModelSelection.Result result = ModelSelection.select(series, candidates, valWindow, testWindow);
        for (String s : result.skipped()) {
            err.println("warning: skipped " + s);
        }
        err.flush();
        if (result.best().isEmpty()) {
            err.println("error: " + data + ": no symbol has enough bars to select a model");
            err.flush();
            return Main.EXIT_FAILURE;
        }
        ModelStore.write(store, result.candidates(), result.best());
        out.printf(Locale.ROOT, "%-10s %-10s %12s %12s %10s%n", "symbol", "model", "val mae%", "test mae%", "vs naive");
        for (ModelRecord r : result.best()) {
            out.printf(Locale.ROOT, "%-10s %-10s %12.4f %12.4f %+9.1f%%%n", r.symbol(), r.model(), 100 * r.validation().pctReturnMae(),
                    100 * r.test().pctReturnMae(), -((Number) r.metadata().get("improvement_pct")).doubleValue());
        }
        out.printf(Locale.ROOT, "wrote %d best and %d candidate records to %s%n", result.best().size(), result.candidates().size(), store);
        out.flush();
        return Main.EXIT_OK;
    }
}
