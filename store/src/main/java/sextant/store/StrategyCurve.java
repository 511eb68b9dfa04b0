package sextant.store;

import java.util.ArrayList;
import java.util.List;
import sextant.core.backtest.OneStepSeries;
import sextant.core.backtest.StrategyId;
import sextant.core.backtest.StrategyReport;
import sextant.core.backtest.SymbolBacktest;

/**
 * One strategy's one-step-ahead results over a cycle's symbols, bar by bar: the mean across symbols and its standard
 * error (sample sd over sqrt of the symbols that had a result). Series are aligned on their newest bar, which every
 * symbol's series ends with. What a report draws as the strategy's out-of-sample equity curve.
 *
 * @param mean per bar, oldest first, rounded to 1e-7
 * @param se   per bar, NaN-free (0 where fewer than two symbols had a result)
 */
record StrategyCurve(StrategyId strategy, int symbols, double[] mean, double[] se) {

    static List<StrategyCurve> of(List<SymbolBacktest> backtests) {
        List<StrategyCurve> out = new ArrayList<>();
        for (StrategyId id : StrategyId.values()) {
            List<double[]> series = new ArrayList<>();
            int len = 0;
            for (SymbolBacktest bt : backtests) {
                StrategyReport r = bt.report(id);
                if (r == null) {
                    continue;
                }
                OneStepSeries one = r.oneStep();
                if (one.n() > 0) {
                    series.add(one.returns());
                    len = Math.max(len, one.n());
                }
            }
            if (series.isEmpty()) {
                continue;
            }
            double[] mean = new double[len];
            double[] se = new double[len];
            for (int j = 0; j < len; j++) {
                double s = 0;
                double ss = 0;
                int k = 0;
                for (double[] x : series) {
                    int at = x.length - len + j;
                    if (at >= 0) {
                        s += x[at];
                        ss += x[at] * x[at];
                        k++;
                    }
                }
                double m = k == 0 ? 0 : s / k;
                double var = k < 2 ? 0 : Math.max(0, (ss - k * m * m) / (k - 1));
                mean[j] = Math.round(m * 1e7) / 1e7;
                se[j] = Math.round(Math.sqrt(var / Math.max(1, k)) * 1e7) / 1e7;
            }
            out.add(new StrategyCurve(id, series.size(), mean, se));
        }
        return out;
    }
}
