package sextant.forecast.eval;

import java.util.ArrayList;
import java.util.List;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;

/**
 * Walk-forward questions and their scoring. Each question asks for one past bar from the bars before it only,
 * so a forecast is never scored on a bar its model could read.
 */
public final class WalkForward {
    private WalkForward() {
    }

    /**
     * The contexts for bars {@code [n - skipNewest - count, n - skipNewest)} of each series (n = its size),
     * oldest first per series; bars before index 1 are skipped (their change is undefined).
     */
    public static List<ForecastContext> contexts(List<BarSeries> series, int skipNewest, int count) {
        List<ForecastContext> out = new ArrayList<>();
        for (BarSeries b : series) {
            int end = b.size() - skipNewest;
            for (int t = Math.max(1, end - count); t < end; t++) {
                out.add(new ForecastContext(b, t));
            }
        }
        return out;
    }

    /** The realised one-bar percent change of a target at the context's target bar. */
    public static double actual(ForecastContext ctx, Target target) {
        double[] x = target.series(ctx.bars());
        int t = ctx.targetIndex();
        return x[t] / x[t - 1] - 1.0;
    }

    /** Scores rows {@code [from, to)} of a batch against the realised changes. */
    public static ModelScores score(List<ForecastContext> contexts, ForecastBatch batch, int from, int to) {
        ScoreAccumulator close = new ScoreAccumulator(Target.CLOSE);
        ScoreAccumulator high = new ScoreAccumulator(Target.HIGH);
        ScoreAccumulator low = new ScoreAccumulator(Target.LOW);
        for (int i = from; i < to; i++) {
            ForecastContext ctx = contexts.get(i);
            close.add(batch, i, actual(ctx, Target.CLOSE));
            high.add(batch, i, actual(ctx, Target.HIGH));
            low.add(batch, i, actual(ctx, Target.LOW));
        }
        return new ModelScores(close.scores(), high.scores(), low.scores());
    }
}
