package sextant.engine;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sextant.core.backtest.OneStepSeries;
import sextant.core.backtest.StrategyId;
import sextant.core.backtest.StrategyReport;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.order.Side;
import sextant.core.strategy.FillModel;

/**
 * Chooses one strategy per symbol on honest numbers. Each strategy's score is the mean of its one-step-ahead series
 * (fitted on the past, traded on the next bar, stepped one bar; see {@link OneStepSeries}) and its standard error.
 * A strategy qualifies only if {@code mean - z * SE > minEdge}, its in-sample return is positive, and it has a
 * tradeable plan for the next bar; crypto is long-only; under the conservative fill model only strategies with a
 * conservative kernel may be chosen. Among qualifiers the highest lower bound {@code mean - z * SE} wins (the best
 * of many noisy means is mostly noise; the bound penalises it). The decision's score is the winner's mean, and its
 * reason gives the mean, the SE and the number of bars.
 */
public final class StrategySelector {
    private final CycleSettings settings;

    public StrategySelector(CycleSettings settings) {
        this.settings = settings;
    }

    /**
     * A {@link Action#TRADE} decision with qty 0 (the portfolio step sizes it), or a {@link Action#SKIP} with the
     * reason. {@code model} names the forecaster whose forecasts the backtest used, so the reason says where the
     * numbers came from.
     */
    SymbolDecision choose(SymbolBacktest bt, String model, double lastClose) {
        StrategyReport best = null;
        String bestRejection = null;
        double bestRejectedBound = Double.NEGATIVE_INFINITY;
        double z = settings.edgeZ();
        for (StrategyId id : StrategyId.values()) {
            if (!settings.enabledStrategies().contains(id)) {
                continue;
            }
            StrategyReport r = bt.report(id);
            if (r == null) {
                continue;
            }
            double bound = r.oneStep().lowerBound(z);
            String rejection = rejection(bt, r, lastClose);
            if (rejection == null) {
                if (best == null || bound > best.oneStep().lowerBound(z)) {
                    best = r;
                }
            } else if (bound > bestRejectedBound || bestRejection == null) {
                bestRejectedBound = bound;
                bestRejection = id.key() + ": " + rejection;
            }
        }
        if (best == null) {
            return SymbolDecision.skip(bt.instrument(), (bestRejection == null ? "no enabled strategy produced a report"
                    : "no strategy qualifies (best: " + bestRejection + ")") + "; forecasts by " + model);
        }
        var p = best.plan();
        Side side = Objects.requireNonNull(p.side(), "a plan that passed the gate trades a side");
        boolean atMarket = !Double.isFinite(p.entryPrice());
        double entry = atMarket ? lastClose : p.entryPrice();
        OneStepSeries one = best.oneStep();
        OneStepSeries record = trackRecord(best);
        String reason = String.format(Locale.ROOT, "%s %s: entry %s, take-profit %s%s; one-step avg daily %s over %d bars"
                        + " (in-sample %+.3f%%, %s fills); when this gate passed on %d of the %d bars before: %s;"
                        + " forecasts by %s",
                best.strategy().key(), side.wire(), atMarket ? "at market (last close " + price(lastClose) + ")"
                        : price(p.entryPrice()), price(p.takeProfitPrice()),
                p.closeAtEod() ? ", else close at end of day" : "", meanWithSe(one), one.n(),
                100 * best.inSample().avgDailyReturn(), settings.fillModel().key(), record.n(),
                best.history().n() - one.n(), record.n() == 0 ? "no record" : meanWithSe(record), model);
        return new SymbolDecision(bt.instrument(), Action.TRADE, best.strategy(), side, one.mean(),
                entry, p.takeProfitPrice(), 0, reason, atMarket, p.closeAtEod());
    }

    /**
     * What passing the gate earned on earlier bars: the strategy's one-step results on the bars where the gate, with
     * only the results before each bar, would have let it trade. Free of the selection that inflates a passing
     * strategy's own mean, so it is the figure closest to what the pick will earn.
     */
    public OneStepSeries trackRecord(StrategyReport r) {
        return r.history().trackRecord(r.oneStep().n(), settings.edgeZ(), settings.minEdge());
    }

    /** "+0.120% (SE 0.310%)": a mean daily return and its standard error, in percent. */
    static String meanWithSe(OneStepSeries s) {
        return String.format(Locale.ROOT, "%+.3f%% (SE %.3f%%)", 100 * s.mean(), 100 * s.standardError());
    }

    private @Nullable String rejection(SymbolBacktest bt, StrategyReport r, double lastClose) {
        if (settings.fillModel() == FillModel.CONSERVATIVE && !CycleSettings.hasConservativeKernel(r.strategy())) {
            return "its backtest books same-bar fills the conservative fill model refuses";
        }
        if (!r.plan().trades()) {
            return "no trade for the next bar (" + r.plan().reason() + ")";
        }
        if (r.plan().side() == Side.SELL && bt.instrument().isCrypto()) {
            return "crypto is long-only";
        }
        if (r.plan().side() == Side.SELL && !settings.shortsAllowed()) {
            return "the account cannot sell short (a cash account: paper.max-leverage 1)";
        }
        boolean atMarket = !Double.isFinite(r.plan().entryPrice());
        if (atMarket ? !(lastClose > 0) : !(r.plan().entryPrice() > 0)) {
            return "plan has no valid entry price";
        }
        OneStepSeries one = r.oneStep();
        double z = settings.edgeZ();
        if (!(one.lowerBound(z) > settings.minEdge())) {
            return String.format(Locale.ROOT, "one-step avg daily %s over %d bars: mean - %.1f SE = %+.3f%% is not above"
                    + " the %.3f%% minimum", meanWithSe(one), one.n(), z, 100 * one.lowerBound(z), 100 * settings.minEdge());
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
