package sextant.core.strategy;

/**
 * One window of MaxDiff as the original reports it (anchor-spec §5.4.4).
 *
 * @param daily           optimised daily PnL (the original's reported daily series)
 * @param baselineDaily   daily PnL at zero multipliers under the same flag
 * @param blendedReturn   {@code baseline + 0.3 x optimised} (the original's {@code maxdiff_return})
 * @param blendedSharpe   {@code Sharpe(baseline) + 0.3 x Sharpe(optimised)}, ddof 0 (a sum of Sharpe ratios, W-6)
 * @param blendedAvgDaily {@code avg(baseline) + 0.3 x avg(optimised)}
 * @param primarySide     "buy", "sell" or "neutral"
 * @param tradeBias       sum of directions / non-zero days (0 if none)
 * @param turnover        mean |optimised daily|
 */
public record MaxDiffResult(boolean closeAtEod, double highMultiplier, double lowMultiplier, double baselineReturn,
                            double optimisedReturn, double[] daily, double[] baselineDaily, double blendedReturn,
                            double blendedSharpe, double blendedAvgDaily, int tradesPositive, int tradesNegative,
                            int invalidForecasts, int validForecasts, String primarySide, double tradeBias,
                            double turnover) implements BlendedWindow {

    @Override
    public int tradesTotal() {
        return tradesPositive + tradesNegative;
    }
}
