package sextant.core.strategy;

import sextant.core.optimize.MultiplierProblem;

/**
 * MaxDiffAlwaysOn (anchor-spec §5.4.5), prepared once per symbol: no validity mask, every usable bar holds a unit
 * buy leg and (stocks only) a unit sell leg, sharing one pair of multipliers.
 *
 * <p>Reproduced quirk: the original's baseline (zero multipliers) is always computed with close-at-EOD = false,
 * whatever flag the optimiser keeps. The golden cases show it (case 116_JD keeps {@code close_at_eod = true} and
 * reports the intraday baseline). The blended totals use that baseline.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
public final class MaxDiffAlwaysOn extends LegWeights<AlwaysOnResult> {
    private final double[] zero;

    /** AlwaysOn under the original's fill model (what {@code sextant parity} reproduces). */
    public MaxDiffAlwaysOn(BandSeries bands, boolean crypto, double fee, int periodsPerYear) {
        this(bands, crypto, fee, periodsPerYear, FillModel.ORIGINAL);
    }

    /**
     * Under the conservative model only the buy leg is scored: it is the one leg live trading places (Alpaca refuses
     * a resting sell beside a resting buy of the same symbol as a potential wash trade), and a bar where both legs
     * would fill then counts one round trip, not two spreads.
     */
    public MaxDiffAlwaysOn(BandSeries bands, boolean crypto, double fee, int periodsPerYear, FillModel fillModel) {
        super(bands, crypto, fee, periodsPerYear, fillModel);
        int len = bands.bars() + 1;
        zero = new double[len];
        for (int t = 1; t < len; t++) {
            boolean ok = bands.usable(t);
            wLong[t] = ok ? 1 : 0;
            wShort[t] = ok && !crypto && fillModel == FillModel.ORIGINAL ? 1 : 0;
        }
    }

    private MultiplierProblem leg(int from, int to, boolean buy) {
        return problems.over(buy ? wLong : zero, buy ? zero : wShort, from, to);
    }

    @Override
    public AlwaysOnResult evaluateWith(int from, int to, boolean closeAtEod, double mh, double ml) {
        int n = to - from;
        double[] buy = new double[n];
        double[] sell = new double[n];
        double[] base = new double[n];
        leg(from, to, true).daily(mh, ml, closeAtEod, buy);
        leg(from, to, false).daily(mh, ml, closeAtEod, sell);
        problem(from, to).daily(0, 0, false, base);
        double[] daily = new double[n];
        double buySum = 0;
        double sellSum = 0;
        double absSum = 0;
        int buyFills = 0;
        int sellFills = 0;
        for (int i = 0; i < n; i++) {
            daily[i] = buy[i] + sell[i];
            buySum += buy[i];
            sellSum += sell[i];
            absSum += Math.abs(daily[i]);
            if (buy[i] != 0) {
                buyFills++;
            }
            if (sell[i] != 0) {
                sellFills++;
            }
        }
        BlendedTotals totals = BlendedTotals.of(base, daily, n, periodsPerYear);
        double bias = absSum == 0 ? 0 : (buySum - sellSum) / absSum;
        return new AlwaysOnResult(closeAtEod, mh, ml, totals.baseSum(), totals.optSum(), daily, base, totals.total(),
                totals.sharpe(), totals.avgDaily(), buySum, sellSum, buyFills, sellFills, bias, n == 0 ? 0 : absSum / n);
    }
}
