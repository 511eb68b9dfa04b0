package sextant.forecast;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Quantiles;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;

/**
 * Volatility-scaled range model. The next high is anchored on the last close, not the last high:
 * {@code H_t / H_{t-1} - 1 = (C_{t-1} / H_{t-1}) (1 + e_t) - 1} with the excursion {@code e_t = H_t / C_{t-1} - 1}.
 * The first factor is known at forecast time and explains most of the variance a zero-change forecast misses
 * (after a bar that closed well below its high, the next high is usually lower). The excursion is forecast
 * as {@code vol_{t-1} * z}, where z is drawn from the empirical distribution of past excursions divided by
 * the volatility known before them ({@link TrueRangeVolatility}). Lows work the same way; the close change
 * is {@code vol_{t-1} * z} directly. Quantiles are those of z; the point forecast is the median (it minimises
 * the absolute error), shrunk towards zero for the close, whose median is mostly noise.
 */
final class RangeVolForecaster extends BuiltInModel {
    static final String ID = "range-vol";
    static final Set<String> KEYS = Set.of("context_length", "half_life", "close_shrink", "clip");

    private final int contextLength;
    private final double closeShrink;
    private final double alpha;
    private final double clip;

    RangeVolForecaster(int contextLength, double halfLife, double closeShrink) {
        this(contextLength, halfLife, closeShrink, 0.0);
    }

    RangeVolForecaster(int contextLength, double halfLife, double closeShrink, double clip) {
        super(new ModelSpec(ID, ModelParams.checkContextLength(ID, contextLength)).with("context_length", contextLength)
                .with("half_life", ModelParams.checkPositive(ID, "half_life", halfLife))
                .with("close_shrink", ModelParams.check(ID, "close_shrink", closeShrink, closeShrink >= 0 && closeShrink <= 1, "in [0, 1]"))
                .with("clip", clip));
        this.clip = clip;
        this.contextLength = contextLength;
        this.alpha = TrueRangeVolatility.alpha(halfLife);
        this.closeShrink = closeShrink;
    }

    static RangeVolForecaster fromConfig(Map<String, ?> config) {
        ModelParams p = new ModelParams(ID, config, KEYS);
        // Defaults tuned on the shared daily bars (forecast-eval): a short half-life tracks volatility bursts, and
        // capping a true range at twice the running volatility keeps one earnings gap from inflating it for weeks.
        return new RangeVolForecaster(p.intValue("context_length", 256), p.doubleValue("half_life", 5),
                p.doubleValue("close_shrink", 0.0), p.doubleValue("clip", 2.0));
    }

    @Override
    public ForecastBatch forecast(List<ForecastContext> contexts) {
        ForecastBatch out = new ForecastBatch(contexts.size());
        double[] vol = new double[contextLength];
        double[] zc = new double[contextLength];
        double[] zh = new double[contextLength];
        double[] zl = new double[contextLength];
        double[] q = new double[Quantiles.COUNT];
        for (int i = 0; i < contexts.size(); i++) {
            ForecastContext ctx = contexts.get(i);
            BarSeries b = ctx.bars();
            double[] c = b.close();
            double[] h = b.high();
            double[] l = b.low();
            int t = ctx.targetIndex();
            int from = Math.max(0, t - contextLength);
            TrueRangeVolatility.fill(c, h, l, from, t, alpha, clip, vol);
            // Samples: bars s whose previous bar already has a volatility (s - 1 >= from + 1).
            int n = 0;
            for (int s = from + 2; s < t; s++) {
                double v = vol[s - 1 - from];
                double prev = c[s - 1];
                zc[n] = (c[s] / prev - 1.0) / v;
                zh[n] = (h[s] / prev - 1.0) / v;
                zl[n] = (l[s] / prev - 1.0) / v;
                n++;
            }
            double lastVol = t - 1 > from ? vol[t - 1 - from] : 0.0;
            double lastClose = c[t - 1];
            double closeToHigh = lastClose / h[t - 1];
            double closeToLow = lastClose / l[t - 1];

            EmpiricalQuantiles.compute(zc, n, q);
            out.setQuantiles(i, Target.CLOSE, q, z -> lastVol * z);
            out.setPoint(i, Target.CLOSE, (1.0 - closeShrink) * lastVol * q[Quantiles.MEDIAN]);

            setAnchored(out, i, Target.HIGH, zh, n, q, lastVol, closeToHigh);
            setAnchored(out, i, Target.LOW, zl, n, q, lastVol, closeToLow);
        }
        return out;
    }

    /** Quantiles of {@code ratio * (1 + vol * z) - 1}; monotone in z because ratio and vol are positive. */
    private static void setAnchored(ForecastBatch out, int i, Target target, double[] z, int n, double[] q,
                                    double vol, double ratio) {
        EmpiricalQuantiles.compute(z, n, q);
        DoubleUnaryOperator change = zq -> ratio * (1.0 + vol * zq) - 1.0;
        out.setQuantiles(i, target, q, change);
        out.setPoint(i, target, change.applyAsDouble(q[Quantiles.MEDIAN]));
    }
}
