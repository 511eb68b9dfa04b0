package sextant.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.cycle.CycleStatus;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.DataFinding;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Fill;
import sextant.core.order.Position;

/**
 * Everything a cycle saw, decided and did, for the terminal summary, JSON output and tests. {@code dataWarnings}
 * are data findings that did not stop their symbol (see {@link ValidationStage}); {@code lastClose} is each analysed
 * symbol's newest close.
 */
public record CycleReport(long cycleId, LocalDate asOf, CycleStatus status, PhaseTimings timings, List<SymbolBacktest> backtests,
                          List<SymbolDecision> decisions, List<OrderEvent> orders, List<Fill> newFills,
                          Account accountBefore, List<Position> positionsBefore, long forecastCacheHits,
                          long forecastsComputed, List<DataFinding> dataWarnings, Map<Instrument, Double> lastClose) {
}
