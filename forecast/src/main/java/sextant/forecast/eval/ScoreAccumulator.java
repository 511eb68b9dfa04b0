package sextant.forecast.eval;

import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.Quantiles;
import sextant.core.forecast.Target;

/** Running sums for {@link TargetScores}. */
final class ScoreAccumulator {
    private final Target target;
    private double absError;
    private double pinball;
    private long inside;
    private long fills;
    private long count;

    ScoreAccumulator(Target target) {
        this.target = target;
    }

    void add(ForecastBatch batch, int i, double actual) {
        double point = batch.point(i, target);
        absError += Math.abs(point - actual);
        double loss = 0;
        for (int k = 0; k < Quantiles.COUNT; k++) {
            double tau = Quantiles.level(k);
            double diff = actual - batch.quantile(i, target, k);
            loss += diff >= 0 ? tau * diff : (tau - 1.0) * diff;
        }
        pinball += loss / Quantiles.COUNT;
        if (actual >= batch.quantile(i, target, 0) && actual <= batch.quantile(i, target, Quantiles.COUNT - 1)) {
            inside++;
        }
        if (actual <= point) {
            fills++;
        }
        count++;
    }

    TargetScores scores() {
        if (count == 0) {
            return new TargetScores(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double n = count;
        double fill = target == Target.LOW ? fills / n : Double.NaN;
        return new TargetScores(absError / n, pinball / n, inside / n, fill, count);
    }
}
