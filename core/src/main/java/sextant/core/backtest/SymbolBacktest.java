package sextant.core.backtest;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import sextant.core.market.Instrument;

/** Every strategy's report for one symbol, plus the next-bar forecast the plans were priced from. */
public record SymbolBacktest(Instrument instrument, int windowsEvaluated, Map<StrategyId, StrategyReport> reports,
                             double nextClosePct, double nextHighPct, double nextLowPct) {

    public @Nullable StrategyReport report(StrategyId id) {
        return reports.get(id);
    }
}
