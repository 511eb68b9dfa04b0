package sextant.core.metrics;

import sextant.core.backtest.Metrics;

/**
 * Accumulates per-window {@link Metrics} and reports their field-wise mean (trades and days are rounded means, so
 * {@link Metrics#avgDailyReturn()} stays "mean window total / window length"). Not thread-safe; one per report.
 */
public final class MetricsAverage {
    private int count;
    private double total;
    private double compounded;
    private double sharpe;
    private double sortino;
    private double maxDrawdown;
    private double winRate;
    private double turnover;
    private double trades;
    private double days;

    public void add(Metrics m) {
        count++;
        total += m.totalReturn();
        compounded += m.compoundedReturn();
        sharpe += m.sharpe();
        sortino += m.sortino();
        maxDrawdown += m.maxDrawdown();
        winRate += m.winRate();
        turnover += m.turnover();
        trades += m.trades();
        days += m.days();
    }

    public int count() {
        return count;
    }

    public Metrics mean() {
        if (count == 0) {
            return Metrics.EMPTY;
        }
        double c = count;
        return new Metrics(total / c, compounded / c, sharpe / c, sortino / c, maxDrawdown / c, winRate / c,
                turnover / c, (int) Math.round(trades / c), (int) Math.round(days / c));
    }
}
