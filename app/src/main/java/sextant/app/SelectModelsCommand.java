package sextant.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.core.forecast.Forecaster;
import sextant.core.market.BarSeries;
import sextant.forecast.store.ModelRecord;
import sextant.forecast.store.ModelSelection;
import sextant.forecast.store.ModelStore;

@Command(name = "select-models", mixinStandardHelpOptions = true, description = {
        "Pick a forecasting model per symbol by validation MAE and write the model store.",
        "Validation bars come strictly before the newest test bars; the store is the original's hyper-parameter",
        "layout: <store>/<model>/<SYMBOL>.json for every candidate and <store>/best/<SYMBOL>.json for the choice."})
final class SelectModelsCommand implements Callable<Integer> {
    @Mixin
    ModelComparison inputs;

    @Option(names = "--store", defaultValue = "hyperparams", paramLabel = "DIR", description = "Model store directory (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--val-window", defaultValue = "20", paramLabel = "N", description = "Validation bars per symbol (default: ${DEFAULT-VALUE}).")
    int valWindow;

    @Option(names = "--test-window", defaultValue = "20", paramLabel = "N", description = "Newest bars held out as test (default: ${DEFAULT-VALUE}).")
    int testWindow;

    @Override
    public Integer call() {
        Terminal terminal = inputs.terminal();
        Optional<List<Forecaster>> candidates = inputs.forecasters(false);
        if (candidates.isEmpty()) {
            return Main.EXIT_USAGE;
        }
        if (valWindow < 1 || testWindow < 1) {
            return terminal.fail(Main.EXIT_USAGE, "--val-window and --test-window must be >= 1");
        }
        PrintWriter out = terminal.out();
        PrintWriter err = terminal.err();
        List<BarSeries> series = inputs.bars();
        ModelSelection.Result result = ModelSelection.select(series, candidates.get(), valWindow, testWindow);
        for (String s : result.skipped()) {
            err.println("warning: skipped " + s);
        }
        err.flush();
        if (result.best().isEmpty()) {
            return terminal.fail(Main.EXIT_FAILURE, inputs.data + ": no symbol has enough bars to select a model");
        }
        ModelStore.write(store, result.candidates(), result.best());
        out.printf(Locale.ROOT, "%-10s %-10s %12s %12s %10s%n", "symbol", "model", "val mae%", "test mae%", "vs naive");
        for (ModelRecord r : result.best()) {
            out.printf(Locale.ROOT, "%-10s %-10s %12.4f %12.4f %+9.1f%%%n", r.symbol(), r.model(), 100 * r.validation().pctReturnMae(),
                    100 * r.test().pctReturnMae(), -((Number) Objects.requireNonNull(r.metadata().get("improvement_pct"), "the selector records improvement_pct")).doubleValue());
        }
        out.printf(Locale.ROOT, "wrote %d best and %d candidate records to %s%n", result.best().size(), result.candidates().size(), store);
        out.flush();
        return Main.EXIT_OK;
    }
}
