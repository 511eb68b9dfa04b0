package sextant.core.strategy;

/**
 * One window of MaxDiffAlwaysOn as the original reports it (anchor-spec §5.4.5).
 *
 * @param daily             optimised daily PnL, buy leg + sell leg
 * @param baselineDaily     daily PnL at zero multipliers, always under close-at-EOD = false (see
 *                          {@link MaxDiffAlwaysOn})
 * @param buyContribution   sum of the buy leg's optimised PnL
 * @param sellContribution  sum of the sell leg's optimised PnL
 * @param filledBuyTrades   days with a non-zero buy-leg PnL
 * @param filledSellTrades  days with a non-zero sell-leg PnL
 * @param tradeBias         (buy - sell) / sum |daily| (0 if no PnL)
 * @param turnover          mean |daily|
 */
public record AlwaysOnResult(boolean closeAtEod, double highMultiplier, double lowMultiplier, double baselineReturn,
                             double optimisedReturn, double[] daily, double[] baselineDaily, double blendedReturn,
                             double blendedSharpe, double blendedAvgDaily, double buyContribution,
                             double sellContribution, int filledBuyTrades, int filledSellTrades, double tradeBias,
                             double turnover) implements BlendedWindow {

    @Override
    public int tradesTotal() {
        return filledBuyTrades + filledSellTrades;
    }
}
