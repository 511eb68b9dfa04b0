package sextant.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Quantiles;
import sextant.core.forecast.Target;

/**
 * Equal-weight average of the range-vol and ridge forecasts: points averaged, quantiles averaged level by level
 * (quantile averaging keeps them non-decreasing). The two models err differently (a nonparametric excursion
 * distribution versus a linear fit on the last bar's shape), so the average beats both on absolute error.
 */
final class EnsembleForecaster implements BuiltInModel {
    static final String ID = "ensemble";

    private final RangeVolForecaster rangeVol;
    private final RidgeForecaster ridge;

    EnsembleForecaster(RangeVolForecaster rangeVol, RidgeForecaster ridge) {
        this.rangeVol = rangeVol;
        this.ridge = ridge;
    }

    /** Config keys are the members' keys prefixed with {@code range_vol.} and {@code ridge.}. */
    static EnsembleForecaster fromConfig(Map<String, ?> config) {
        Map<String, Object> rv = new LinkedHashMap<>();
        Map<String, Object> rg = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : config.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("range_vol.")) {
                rv.put(k.substring("range_vol.".length()), e.getValue());
            } else if (k.startsWith("ridge.")) {
                rg.put(k.substring("ridge.".length()), e.getValue());
            } else if (!k.equals("name")) {
                throw new IllegalArgumentException("model '" + ID + "': unknown config key '" + k
                        + "' (use range_vol.<key> or ridge.<key>)");
            }
        }
        rv.remove("name");
        rg.remove("name");
        return new EnsembleForecaster(RangeVolForecaster.fromConfig(rv), RidgeForecaster.fromConfig(rg));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String parametersKey() {
        return "range_vol[" + rangeVol.parametersKey() + "];ridge[" + ridge.parametersKey() + "]";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ID);
        rangeVol.config().forEach((k, v) -> {
            if (!k.equals("name")) {
                m.put("range_vol." + k, v);
            }
        });
        ridge.config().forEach((k, v) -> {
            if (!k.equals("name")) {
                m.put("ridge." + k, v);
            }
        });
        return m;
    }

    @Override
    public int contextLength() {
        return Math.max(rangeVol.contextLength(), ridge.contextLength());
    }

    @Override
    public ForecastBatch forecast(List<ForecastContext> contexts) {
        ForecastBatch a = rangeVol.forecast(contexts);
        ForecastBatch b = ridge.forecast(contexts);
        ForecastBatch out = new ForecastBatch(contexts.size());
        for (int i = 0; i < contexts.size(); i++) {
            for (Target t : Target.values()) {
                out.setPoint(i, t, 0.5 * (a.point(i, t) + b.point(i, t)));
                for (int k = 0; k < Quantiles.COUNT; k++) {
                    out.setQuantile(i, t, k, 0.5 * (a.quantile(i, t, k) + b.quantile(i, t, k)));
                }
            }
        }
        return out;
    }
}
