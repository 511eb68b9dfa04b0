package sextant.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sextant.core.forecast.Forecaster;
import sextant.forecast.Forecasters;

/** The {@code --models} list of forecast-eval and select-models: built-in model ids, every one when none is named. */
final class BuiltInModelChoice {
    private BuiltInModelChoice() {
    }

    /**
     * The named built-in models with default parameters, or empty after printing a usage error naming the first id
     * that is not built in. With {@code checkpoints}, an id {@code chronos-bolt:DIR} also opens that Chronos-Bolt
     * checkpoint (forecast.batch and forecast.max-context at their defaults), or prints its one-line load error and
     * returns empty.
     */
    static Optional<List<Forecaster>> create(List<String> models, PrintWriter err, boolean checkpoints) {
        List<String> ids = models == null || models.isEmpty() ? Forecasters.ids() : models;
        for (String id : ids) {
            if (checkpoints && id.startsWith(ChronosModels.PREFIX)) {
                continue;
            }
            if (!Forecasters.isBuiltIn(id)) {
                err.println("error: unknown model '" + id + "' in --models (built-in: " + String.join(", ", Forecasters.ids()) + ")");
                err.flush();
                return Optional.empty();
            }
        }
        List<Forecaster> forecasters = new ArrayList<>();
        for (String id : ids) {
            if (checkpoints && id.startsWith(ChronosModels.PREFIX)) {
                try {
                    forecasters.add(ChronosModels.open("built-in defaults", SextantConfig.defaults().forecast(), id));
                } catch (ConfigException e) {
                    err.println("error: " + e.getMessage());
                    err.flush();
                    return Optional.empty();
                }
                continue;
            }
            forecasters.add(Forecasters.create(id, 0));
        }
        return Optional.of(forecasters);
    }
}
