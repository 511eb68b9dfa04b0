package sextant.forecast;

import java.util.List;
import java.util.Map;
import java.util.Set;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Quantiles;
import sextant.core.forecast.Target;

/**
 * The baseline: no change expected (point 0), with quantiles taken from the empirical distribution of the
 * target's own one-bar changes inside the context, so that pinball loss and band coverage are comparable with
 * the real models.
 */
final class NaiveForecaster extends BuiltInModel {
    static final String ID = "naive";
    static final Set<String> KEYS = Set.of("context_length");
    private final int contextLength;

    NaiveForecaster(int contextLength) {
        super(new ModelSpec(ID, ModelParams.checkContextLength(ID, contextLength)).with("context_length", contextLength));
        this.contextLength = contextLength;
    }

    static NaiveForecaster fromConfig(Map<String, ?> config) {
        return new NaiveForecaster(new ModelParams(ID, config, KEYS).intValue("context_length", 256));
    }

    @Override
    public ForecastBatch forecast(List<ForecastContext> contexts) {
        ForecastBatch out = new ForecastBatch(contexts.size());
        double[] scratch = new double[contextLength];
        double[] q = new double[Quantiles.COUNT];
        for (int i = 0; i < contexts.size(); i++) {
            ForecastContext ctx = contexts.get(i);
            int t = ctx.targetIndex();
            int from = Math.max(0, t - contextLength);
            for (Target target : Target.values()) {
                double[] x = target.series(ctx.bars());
                int n = 0;
                for (int s = from + 1; s < t; s++) {
                    scratch[n++] = x[s] / x[s - 1] - 1.0;
                }
                EmpiricalQuantiles.compute(scratch, n, q);
                out.setPoint(i, target, 0.0);
                out.setQuantiles(i, target, q, change -> change);
            }
        }
        return out;
    }
}
