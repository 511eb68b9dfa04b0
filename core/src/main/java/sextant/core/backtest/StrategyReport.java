package sextant.core.backtest;

import java.util.Map;

/**
 * One strategy's result over all windows of one symbol.
 *
 * @param inSample       the original's figures: per window, multipliers fitted and scored on the same days, with
 *                       MaxDiff/AlwaysOn totals blended as baseline + 0.3 x optimised (anchor-spec §5.4.4);
 *                       averaged over windows
 * @param outOfSample    the metrics of {@code oneStep}: parameters fitted on earlier bars only, each bar scored once
 *                       (fixes W-6 without the overlap of stepped windows)
 * @param windowReturns  per window, newest first (index 0 = most recent window), the original's total return
 * @param windowAvgDaily per window, newest first, the average daily return
 * @param plan           what the strategy would do on the next bar
 * @param details        strategy-specific metadata (multipliers, trade counts, primary side, bias...), for the
 *                       ledger and reports
 * @param oneStep        the one-step-ahead series the strategy is ranked and gated on (the newest bars)
 * @param history        the same series over up to twice as many bars, ending with {@code oneStep}: what the gate
 *                       would have decided on earlier bars, and what that then earned
 */
public record StrategyReport(StrategyId strategy, Metrics inSample, Metrics outOfSample, double[] windowReturns,
                             double[] windowAvgDaily, NextBarPlan plan, Map<String, Object> details,
                             OneStepSeries oneStep, OneStepSeries history) {
}
