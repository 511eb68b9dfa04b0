package sextant.core.metrics;

import sextant.core.backtest.Metrics;

/**
 * Builds {@link Metrics} from a daily return series, and the original's two Sharpe flavours.
 * Pure functions over {@code double[]} ranges; non-finite returns are skipped everywhere (the original's
 * {@code _compute_return_profile} ignores NaN).
 */
public final class PerformanceMetrics {
    private PerformanceMetrics() {
    }

    /**
     * Every metric of {@code r[from, to)}.
     *
     * <p>Sharpe = mean / population std (ddof 0) x sqrt(periodsPerYear), as the original's
     * {@code _evaluate_daily_returns}; Sortino = mean / downside deviation x sqrt(periodsPerYear), with the
     * downside deviation {@code sqrt(mean(min(r, 0)^2))} over all days; max drawdown of the compounded equity curve
     * starting at 1; win rate = positive days / non-zero days; turnover = mean |r| (the original's definition).
     *
     * @param trades days with a position or a fill (the caller knows; returns alone cannot tell a flat day from a
     *               zero-PnL trade)
     */
    public static Metrics of(double[] r, int from, int to, int periodsPerYear, int trades) {
        int n = 0;
        double sum = 0;
        double sumAbs = 0;
        double growth = 1;
        double peak = 1;
        double maxDd = 0;
        int wins = 0;
        int nonZero = 0;
        double downSq = 0;
        for (int i = from; i < to; i++) {
            double x = r[i];
            if (!Double.isFinite(x)) {
                continue;
            }
            n++;
            sum += x;
            sumAbs += Math.abs(x);
            growth *= 1 + x;
            peak = Math.max(peak, growth);
            maxDd = Math.min(maxDd, growth / peak - 1);
            if (x != 0) {
                nonZero++;
                if (x > 0) {
                    wins++;
                }
            }
            if (x < 0) {
                downSq += x * x;
            }
        }
        if (n == 0) {
            return new Metrics(0, 0, 0, 0, 0, 0, 0, trades, 0);
        }
        double mean = sum / n;
        double sharpe = sharpePopulation(r, from, to, periodsPerYear);
        double downDev = Math.sqrt(downSq / n);
        double sortino = downDev > 0 ? mean / downDev * Math.sqrt(periodsPerYear) : 0;
        double winRate = nonZero == 0 ? 0 : (double) wins / nonZero;
        return new Metrics(sum, growth - 1, sharpe, sortino, maxDd, winRate, sumAbs / n, trades, n);
    }

    /** mean / std(ddof 0) x sqrt(periods); 0 when the std is 0 (the original's {@code _evaluate_daily_returns}). */
    public static double sharpePopulation(double[] r, int from, int to, int periodsPerYear) {
        return sharpe(r, from, to, periodsPerYear, 0);
    }

    /** mean / std(ddof 1) x sqrt(periods); 0 when undefined (the original's {@code evaluate_strategy}). */
    public static double sharpeSample(double[] r, int from, int to, int periodsPerYear) {
        return sharpe(r, from, to, periodsPerYear, 1);
    }

    private static double sharpe(double[] r, int from, int to, int periods, int ddof) {
        int n = finiteCount(r, from, to);
        if (n - ddof <= 0) {
            return 0;
        }
        double mean = mean(r, from, to);
        double ss = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(r[i])) {
                double d = r[i] - mean;
                ss += d * d;
            }
        }
        double std = Math.sqrt(ss / (n - ddof));
        // Constant series: numerically the std is a few ulps, not 0; treat it as 0 like the original's check.
        if (std <= 1e-15 * Math.max(1, Math.abs(mean))) {
            return 0;
        }
        return mean / std * Math.sqrt(periods);
    }

    /** Mean of finite values in r[from, to) (0 if none). */
    public static double mean(double[] r, int from, int to) {
        int n = 0;
        double sum = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(r[i])) {
                n++;
                sum += r[i];
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static int finiteCount(double[] r, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(r[i])) {
                n++;
            }
        }
        return n;
    }

    public static double sum(double[] r, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += r[i];
        }
        return s;
    }
}
