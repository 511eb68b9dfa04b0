package sextant.app;

import java.util.LinkedHashSet;
import java.util.Set;
import sextant.core.backtest.StrategyId;

/**
 * The {@code strategies} section: which strategies a decision may choose, and the gate.
 *
 * @param enabled strategies a decision may choose from; each must be selectable (not report-only)
 * @param minEdge the lower bound a strategy's one-step mean minus {@code edgeZ} standard errors must clear
 * @param edgeZ   standard errors of the gate, in [0, 10]
 */
record StrategiesConfig(Set<StrategyId> enabled, double minEdge, double edgeZ) {
    StrategiesConfig {
        enabled = Set.copyOf(enabled);
        for (StrategyId id : enabled) {
            if (!id.selectable()) {
                throw new IllegalArgumentException("strategies.enabled: " + id.key() + " is report-only and cannot be traded");
            }
        }
        if (!(edgeZ >= 0 && edgeZ <= 10)) {
            throw new IllegalArgumentException("'strategies.edge-z' must be in [0, 10], got " + edgeZ);
        }
    }

    static StrategiesConfig from(ConfigTree t) {
        Set<StrategyId> enabled = new LinkedHashSet<>();
        for (String s : t.list("strategies.enabled")) {
            try {
                enabled.add(StrategyId.fromKey(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("strategies.enabled: " + e.getMessage(), e);
            }
        }
        return new StrategiesConfig(enabled, t.number("strategies.min-edge"), t.number("strategies.edge-z"));
    }
}
