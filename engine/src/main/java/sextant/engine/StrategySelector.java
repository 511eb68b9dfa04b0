package sextant.engine;

import java.util.Locale;
import sextant.core.backtest.StrategyId;
import sextant.core.backtest.StrategyReport;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.cycle.SymbolDecision;
import sextant.core.order.Side;

/**
 * Chooses one strategy per symbol. Unlike the original (which ranked by an in-sample blend and a forecast of
 * newest-first PnL, W-6/W-7), a strategy qualifies only on honest numbers: its walk-forward (out-of-sample)
 * average daily return must exceed {@code minEdge}, its in-sample return must be positive, and it must have a
 * tradeable plan for the next bar. Crypto is long-only. Among qualifiers the highest walk-forward average daily
 * return wins; that value is the symbol's score.
 */
final class StrategySelector {
    private final CycleSettings settings;

    StrategySelector(CycleSettings settings) {
        this.settings = settings;
    }

    /**
     * A "trade" decision with qty 0 (the portfolio step sizes it), or a "skip" with the reason. {@code model} names
     * the forecaster whose forecasts the backtest used, so the reason says where the numbers came from.
     */
    SymbolDecision choose(SymbolBacktest bt, String model, double lastClose) {
        StrategyReport best = null;
        String bestRejection = null;
        double bestRejectedScore = Double.NEGATIVE_INFINITY;
        for (StrategyId id : StrategyId.values()) {
            if (!settings.enabledStrategies().contains(id)) {
                continue;
            }
            StrategyReport r = bt.report(id);
            if (r == null) {
                continue;
            }
            double oos = r.outOfSample().avgDailyReturn();
            String rejection = rejection(bt, r, lastClose);
            if (rejection == null) {
                if (best == null || oos > best.outOfSample().avgDailyReturn()) {
                    best = r;
                }
            } else if (oos > bestRejectedScore || bestRejection == null) {
                bestRejectedScore = oos;
                bestRejection = id.key() + ": " + rejection;
            }
        }
        if (best == null) {
            return SymbolDecision.skip(bt.instrument(), (bestRejection == null ? "no enabled strategy produced a report"
                    : "no strategy qualifies (best: " + bestRejection + ")") + "; forecasts by " + model);
        }
        var p = best.plan();
        boolean atMarket = !Double.isFinite(p.entryPrice());
        double entry = atMarket ? lastClose : p.entryPrice();
        String reason = String.format(Locale.ROOT, "%s %s: entry %s, take-profit %s%s; walk-forward avg daily %+.3f%% over"
                        + " %d windows (in-sample %+.3f%%, Sharpe %.2f); forecasts by %s",
                best.strategy().key(), p.side().wire(), atMarket ? "at market (last close " + price(lastClose) + ")"
                        : price(p.entryPrice()), price(p.takeProfitPrice()),
                p.closeAtEod() ? ", else close at end of day" : "", 100 * best.outOfSample().avgDailyReturn(),
                bt.windowsEvaluated(), 100 * best.inSample().avgDailyReturn(), best.outOfSample().sharpe(), model);
        return new SymbolDecision(bt.instrument(), "trade", best.strategy(), p.side(), best.outOfSample().avgDailyReturn(),
                entry, p.takeProfitPrice(), 0, reason, atMarket);
    }

    private String rejection(SymbolBacktest bt, StrategyReport r, double lastClose) {
        if (!r.plan().trades()) {
            return "no trade for the next bar (" + r.plan().reason() + ")";
        }
        if (r.plan().side() == Side.SELL && bt.instrument().isCrypto()) {
            return "crypto is long-only";
        }
        boolean atMarket = !Double.isFinite(r.plan().entryPrice());
        if (atMarket ? !(lastClose > 0) : !(r.plan().entryPrice() > 0)) {
            return "plan has no valid entry price";
        }
        double oos = r.outOfSample().avgDailyReturn();
        if (!(oos > settings.minEdge())) {
            return String.format(Locale.ROOT, "walk-forward avg daily %+.3f%% is not above the %.3f%% minimum", 100 * oos,
                    100 * settings.minEdge());
        }
        if (!(r.inSample().totalReturn() > 0)) {
            return String.format(Locale.ROOT, "in-sample return %+.3f%% is not positive", 100 * r.inSample().totalReturn());
        }
        return null;
    }

    static String price(double p) {
        if (!Double.isFinite(p)) {
            return "none";
        }
        return p >= 1 ? String.format(Locale.ROOT, "%.2f", p) : String.format(Locale.ROOT, "%.6f", p);
    }
}
