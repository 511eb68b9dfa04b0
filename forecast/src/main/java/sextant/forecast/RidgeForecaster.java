package sextant.forecast;

import java.util.Arrays;
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
 * Closed-form ridge regression of the next bar's close, high and low changes on the last bar's shape, fitted
 * per context on the symbol's own trailing bars. Everything is divided by the volatility known at the time
 * ({@link TrueRangeVolatility}), which makes the rows comparable across calm and wild periods (a weighted
 * least-squares fit) and lets the fitted coefficients be dimensionless.
 *
 * <p>Features of bar s (all / vol_s): 1, C/H - 1, C/L - 1, the close change into s, the true range of s.
 * Quantiles are the fit plus the empirical quantiles of the scaled in-sample residuals; the point forecast is
 * the median quantile, which corrects the least-squares fit towards the absolute-error optimum for skewed
 * targets (highs and lows).
 */
final class RidgeForecaster extends BuiltInModel {
    static final String ID = "ridge";
    static final Set<String> KEYS = Set.of("context_length", "half_life", "lambda", "lad_iterations");
    /** Bars skipped at the start of a context while the volatility estimate settles. */
    static final int WARM_UP = 5;
    private static final int P = 5;
    /** Smallest residual (in volatility units) that IRLS divides by. */
    private static final double LAD_FLOOR = 0.02;
    private static final int R = Target.COUNT;

    private final int contextLength;
    private final double lambda;
    private final double alpha;
    private final int ladIterations;

    RidgeForecaster(int contextLength, double halfLife, double lambda, int ladIterations) {
        super(new ModelSpec(ID, ModelParams.checkContextLength(ID, contextLength)).with("context_length", contextLength)
                .with("half_life", ModelParams.checkPositive(ID, "half_life", halfLife))
                .with("lambda", ModelParams.check(ID, "lambda", lambda, lambda >= 0 && Double.isFinite(lambda), ">= 0"))
                .with("lad_iterations", ModelParams.check(ID, "lad_iterations", ladIterations,
                        ladIterations >= 0 && ladIterations <= 100, "in 0..100")));
        this.contextLength = contextLength;
        this.alpha = TrueRangeVolatility.alpha(halfLife);
        this.lambda = lambda;
        this.ladIterations = ladIterations;
    }

    static RidgeForecaster fromConfig(Map<String, ?> config) {
        ModelParams p = new ModelParams(ID, config, KEYS);
        return new RidgeForecaster(p.intValue("context_length", 256), p.doubleValue("half_life", 10),
                p.doubleValue("lambda", 1.0), p.intValue("lad_iterations", 3));
    }

    /** The config's key plus the version of {@link #features}, which is code, not a parameter. */
    @Override
    public String parametersKey() {
        return super.parametersKey() + ";features=v1";
    }

    @Override
    public ForecastBatch forecast(List<ForecastContext> contexts) {
        ForecastBatch out = new ForecastBatch(contexts.size());
        double[] vol = new double[contextLength];
        double[] x = new double[contextLength * P];
        double[] y = new double[contextLength * R];
        double[] a = new double[P * P];
        double[] beta = new double[P * R];
        double[] w = new double[contextLength];
        double[] rhs = new double[P];
        double[] resid = new double[contextLength];
        double[] last = new double[P];
        double[] q = new double[Quantiles.COUNT];
        for (int i = 0; i < contexts.size(); i++) {
            ForecastContext ctx = contexts.get(i);
            BarSeries b = ctx.bars();
            double[] c = b.close();
            double[] h = b.high();
            double[] l = b.low();
            int t = ctx.targetIndex();
            int from = Math.max(0, t - contextLength);
            if (t - 1 <= from) {
                // A single bar: no change can be measured, so forecast none.
                for (Target target : Target.values()) {
                    out.setPoint(i, target, 0.0);
                    out.setQuantiles(i, target, q, z -> 0.0);
                }
                continue;
            }
            TrueRangeVolatility.fill(c, h, l, from, t, alpha, vol);
            // Rows: features of bar s, targets of bar s + 1, both inside the context.
            int start = Math.min(from + 1 + WARM_UP, t - 2);
            int m = 0;
            for (int s = Math.max(start, from + 1); s + 1 < t; s++) {
                double v = vol[s - from];
                features(c, h, l, s, v, x, m * P);
                y[m * R] = (c[s + 1] / c[s] - 1.0) / v;
                y[m * R + 1] = (h[s + 1] / h[s] - 1.0) / v;
                y[m * R + 2] = (l[s + 1] / l[s] - 1.0) / v;
                m++;
            }
            for (int r = 0; r < R; r++) {
                fitTarget(x, y, m, r, a, rhs, w, beta);
            }
            double lastVol = vol[t - 1 - from];
            features(c, h, l, t - 1, lastVol, last, 0);
            for (int r = 0; r < R; r++) {
                Target target = Target.at(r);
                for (int row = 0; row < m; row++) {
                    resid[row] = y[row * R + r] - dot(x, row * P, beta, r);
                }
                double fitted = dot(last, 0, beta, r);
                EmpiricalQuantiles.compute(resid, m, q);
                DoubleUnaryOperator change = e -> lastVol * (fitted + e);
                out.setQuantiles(i, target, q, change);
                out.setPoint(i, target, change.applyAsDouble(q[Quantiles.MEDIAN]));
            }
        }
        return out;
    }

    private static void features(double[] c, double[] h, double[] l, int s, double v, double[] out, int off) {
        out[off] = 1.0;
        out[off + 1] = (c[s] / h[s] - 1.0) / v;
        out[off + 2] = (c[s] / l[s] - 1.0) / v;
        out[off + 3] = (c[s] / c[s - 1] - 1.0) / v;
        out[off + 4] = TrueRangeVolatility.trueRange(c, h, l, s) / v;
    }

    private static double dot(double[] x, int off, double[] beta, int r) {
        double s = 0;
        for (int j = 0; j < P; j++) {
            s += x[off + j] * beta[j * R + r];
        }
        return s;
    }

    /**
     * Coefficients of target r into column r of {@code beta}: ridge least squares (intercept unpenalised), then
     * {@code ladIterations} rounds of iteratively reweighted least squares towards the least-absolute-deviation
     * fit, which is what the absolute-error metric rewards and which earnings-day outliers cannot drag.
     */
    private void fitTarget(double[] x, double[] y, int m, int r, double[] a, double[] rhs, double[] w, double[] beta) {
        Arrays.fill(w, 0, m, 1.0);
        for (int iter = 0; iter <= ladIterations; iter++) {
            Arrays.fill(a, 0.0);
            Arrays.fill(rhs, 0.0);
            for (int row = 0; row < m; row++) {
                int xo = row * P;
                double wy = w[row] * y[row * R + r];
                for (int j = 0; j < P; j++) {
                    double wxj = w[row] * x[xo + j];
                    for (int k = 0; k <= j; k++) {
                        a[j * P + k] += wxj * x[xo + k];
                    }
                    rhs[j] += x[xo + j] * wy;
                }
            }
            for (int j = 0; j < P; j++) {
                for (int k = 0; k < j; k++) {
                    a[k * P + j] = a[j * P + k];
                }
                a[j * P + j] += j == 0 ? 1e-9 : lambda;
            }
            boolean ok = SpdSolver.solve(a, rhs, P, 1);
            for (int j = 0; j < P; j++) {
                beta[j * R + r] = ok ? rhs[j] : 0.0;
            }
            if (!ok) {
                return;
            }
            if (iter < ladIterations) {
                // Weights 1/|residual| turn squared error into absolute error; the floor keeps them finite.
                for (int row = 0; row < m; row++) {
                    double e = Math.abs(y[row * R + r] - dot(x, row * P, beta, r));
                    w[row] = 1.0 / Math.max(e, LAD_FLOOR);
                }
            }
        }
    }
}
