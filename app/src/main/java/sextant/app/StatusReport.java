package sextant.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sextant.core.gate.EntryStatus;
import sextant.core.order.PositionPlan;
import sextant.engine.Holding;
import sextant.store.LedgerReader;

/**
 * What {@code sextant status} found, gathered once and printed as text or JSON.
 *
 * @param holdings     every symbol with a position or an open order, Sextant's part and the rest
 * @param plans        the active position plans (pending or open) by symbol, oldest first
 * @param accountNote  where the account figures come from (the paper account as last settled, or the broker now)
 */
record StatusReport(Instant at, TradingMode mode, Path stateDir, String broker, double equity, double cash,
                    String accountNote, EntryStatus killSwitch, Map<String, Holding> holdings,
                    Map<String, List<PositionPlan>> plans, LedgerReader.RealizedDay realizedToday,
                    List<NextSteps.Step> next) {

    List<Holding> own() {
        return holdings.values().stream().filter(h -> h.hasOwnPosition() || !h.own().isEmpty()).toList();
    }

    List<Holding> foreign() {
        return holdings.values().stream().filter(Holding::hasForeign).toList();
    }

    List<Holding> withoutExit() {
        return holdings.values().stream().filter(Holding::lacksExit).toList();
    }

    /** The plans managing the symbol: an open one first (the position exists), else a pending entry's. */
    List<PositionPlan> plansOf(String symbol) {
        return plans.getOrDefault(symbol, List.of());
    }

    Optional<String> killSwitchReason() {
        return killSwitch.entriesAllowed() ? Optional.empty() : Optional.of(killSwitch.reason());
    }
}
