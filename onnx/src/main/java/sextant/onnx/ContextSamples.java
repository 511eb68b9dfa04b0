package sextant.onnx;

import java.util.List;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;

/**
 * Turns forecasting contexts into model rows. Each context contributes its close, high and low price levels over
 * bars {@code [max(0, t - T), t)} (never bar t or later), scaled by {@code 100 / close[t-1]} so every series sits
 * near 100 whatever the instrument's price (the scale the reference models were exported and checked at; the
 * models scale internally anyway, and a positive factor cancels in the percent change).
 *
 * <ul>
 *   <li>Univariate (B,T): three rows per context, in order close, high, low (row = 3 * context + target).</li>
 *   <li>Multivariate (B,V,T): one row per context with V = 3 variates close, high, low.</li>
 * </ul>
 */
final class ContextSamples implements SeriesSamples {
    static final double LEVEL = 100.0;

    private final List<ForecastContext> contexts;
    private final boolean univariate;
    private final int[] from;
    private final int[] to;
    private final double[] scale;
    private final double[][][] series;

    ContextSamples(List<ForecastContext> contexts, int contextLength, boolean univariate) {
        this.contexts = contexts;
        this.univariate = univariate;
        int n = contexts.size();
        from = new int[n];
        to = new int[n];
        scale = new double[n];
        series = new double[n][][];
        Target[] targets = Target.values();
        for (int i = 0; i < n; i++) {
            ForecastContext c = contexts.get(i);
            BarSeries bars = c.bars();
            int t = c.targetIndex();
            to[i] = t;
            from[i] = Math.max(0, t - contextLength);
            scale[i] = LEVEL / bars.close()[t - 1];
            series[i] = new double[Target.COUNT][];
            for (Target g : targets) {
                series[i][g.index()] = g.series(bars);
            }
        }
    }

    @Override
    public int size() {
        return univariate ? contexts.size() * Target.COUNT : contexts.size();
    }

    @Override
    public int variates() {
        return univariate ? 1 : Target.COUNT;
    }

    int contextOf(int sample) {
        return univariate ? sample / Target.COUNT : sample;
    }

    int targetOf(int sample, int variate) {
        return univariate ? sample % Target.COUNT : variate;
    }

    @Override
    public int length(int sample, int variate) {
        int c = contextOf(sample);
        return to[c] - from[c];
    }

    @Override
    public float value(int sample, int variate, int k) {
        int c = contextOf(sample);
        return (float) (series[c][targetOf(sample, variate)][from[c] + k] * scale[c]);
    }

    /** The newest level the model saw for this context and target, in model units: the base of the percent change. */
    double lastScaled(int context, Target target) {
        return series[context][target.index()][to[context] - 1] * scale[context];
    }
}
