package sextant.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sextant.core.forecast.Forecaster;
import sextant.core.market.BarSeries;
import sextant.data.CsvMarketData;
import sextant.forecast.SymbolClassifier;

/** What {@code forecast-eval} and {@code select-models} share: a CSV directory of bars and the models to compare. */
final class ModelComparison {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory of <SYMBOL>.csv daily bars.")
    Path data;

    @Option(names = "--models", split = ",", paramLabel = "ID",
            description = "Models to compare: built-in ids (forecast-eval also takes chronos-bolt:DIR checkpoints; default: every built-in model).")
    List<String> models;

    Terminal terminal() {
        return new Terminal(spec);
    }

    /** The models named by {@code --models}, or empty after the usage error that names the first unknown one. */
    Optional<List<Forecaster>> forecasters(boolean checkpoints) {
        return BuiltInModelChoice.create(models, terminal().err(), checkpoints);
    }

    /** Every symbol's bars in {@code --data}; crypto known by the symbol's shape, as the original did. */
    List<BarSeries> bars() {
        return CsvMarketData.open(data).loadAll(SymbolClassifier::assetClassOf);
    }
}
