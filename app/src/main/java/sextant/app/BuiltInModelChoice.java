package sextant.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import sextant.core.forecast.Forecaster;
import sextant.forecast.Forecasters;

/** The {@code --models} list of forecast-eval and select-models: built-in model ids, every one when none is named. */
final class BuiltInModelChoice {
    private BuiltInModelChoice() {
    }

    /**
     * The named built-in models with default parameters, or null after printing a usage error naming the first id
     * that is not built in.
     */
    static List<Forecaster> create(List<String> models, PrintWriter err) {
        List<String> ids = models == null || models.isEmpty() ? Forecasters.ids() : models;
        for (String id : ids) {
            if (!Forecasters.isBuiltIn(id)) {
                err.println("error: unknown model '" + id + "' in --models (built-in: " + String.join(", ", Forecasters.ids()) + ")");
                err.flush();
                return null;
            }
        }
        List<Forecaster> forecasters = new ArrayList<>();
        for (String id : ids) {
            forecasters.add(Forecasters.create(id, 0));
        }
        return forecasters;
    }
}
