package sextant.core.backtest;

/**
 * Performance of a daily return series. Every strategy reports every field, so decisions can rely on
 * columns that exist (fixes W-24).
 *
 * @param totalReturn   sum of daily returns
 * @param compoundedReturn product of (1 + r) minus 1
 * @param sharpe        mean / population std (ddof 0) * sqrt(days per year); 0 when std is 0
 * @param sortino       mean / downside deviation * sqrt(days per year); 0 when there is no downside
 * @param maxDrawdown   most negative peak-to-trough of the compounded equity curve (&le; 0)
 * @param winRate       winning days / days with a non-zero return (0 if none)
 * @param turnover      mean absolute daily return (the original's definition)
 * @param trades        days with a non-zero position or fill
 * @param days          length of the series
 */
public record Metrics(double totalReturn, double compoundedReturn, double sharpe, double sortino, double maxDrawdown,
                      double winRate, double turnover, int trades, int days) {

    public static final Metrics EMPTY = new Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double avgDailyReturn() {
        return days == 0 ? 0 : totalReturn / days;
    }
}
