package sextant.engine;

import java.util.Set;
import sextant.core.backtest.StrategyId;
import sextant.core.strategy.FillModel;

/**
 * The engine's knobs, already validated by the app's config loader.
 *
 * @param windows           backtest windows per symbol (the original: 70)
 * @param daysPerWindow     evaluated bars per window (the original: 6)
 * @param lookbackDays      calendar days of history to load
 * @param enabledStrategies strategies a decision may choose
 * @param minEdge           minimum walk-forward average daily return for a strategy to qualify
 * @param maxPositions      most symbols held or entered at once
 * @param positionFraction  equity fraction per new position
 * @param maxGrossExposure  gross exposure cap as a multiple of equity
 * @param threads           worker threads for per-symbol work (0 = one per core)
 * @param orderIdPrefix     prefix of every client order id (distinguishes accounts or instances)
 * @param modelSpec         the configured forecasting model (built-in id or manifest path), for the ledger
 * @param fillModel         how backtests decide fills (conservative by default)
 * @param edgeZ             standard errors a strategy's one-step mean must clear above {@code minEdge}
 * @param validation        which data findings stop a symbol ({@code data.validation})
 * @param shortsAllowed     whether the account can sell stocks short (a cash account cannot); when not, stocks are
 *                          backtested and traded long-only, as crypto always is
 */
public record CycleSettings(int windows, int daysPerWindow, int lookbackDays, Set<StrategyId> enabledStrategies,
                            double minEdge, int maxPositions, double positionFraction, double maxGrossExposure,
                            int threads, String orderIdPrefix, String modelSpec, FillModel fillModel, double edgeZ,
                            DataValidation validation, boolean shortsAllowed) {
    public CycleSettings {
        enabledStrategies = Set.copyOf(enabledStrategies);
        if (!(edgeZ >= 0)) {
            throw new IllegalArgumentException("edgeZ must be >= 0, got " + edgeZ);
        }
    }

    /** An account that can short. */
    public CycleSettings(int windows, int daysPerWindow, int lookbackDays, Set<StrategyId> enabledStrategies,
                         double minEdge, int maxPositions, double positionFraction, double maxGrossExposure,
                         int threads, String orderIdPrefix, String modelSpec, FillModel fillModel, double edgeZ,
                         DataValidation validation) {
        this(windows, daysPerWindow, lookbackDays, enabledStrategies, minEdge, maxPositions, positionFraction,
                maxGrossExposure, threads, orderIdPrefix, modelSpec, fillModel, edgeZ, validation, true);
    }

    /** Strict data validation (every finding stops its symbol). */
    public CycleSettings(int windows, int daysPerWindow, int lookbackDays, Set<StrategyId> enabledStrategies,
                         double minEdge, int maxPositions, double positionFraction, double maxGrossExposure,
                         int threads, String orderIdPrefix, String modelSpec, FillModel fillModel, double edgeZ) {
        this(windows, daysPerWindow, lookbackDays, enabledStrategies, minEdge, maxPositions, positionFraction,
                maxGrossExposure, threads, orderIdPrefix, modelSpec, fillModel, edgeZ, DataValidation.strict());
    }

    /** The strategies whose backtest kernel has a conservative form (the others book unprovable same-bar fills). */
    public static boolean hasConservativeKernel(StrategyId id) {
        return switch (id) {
            case PCTDIFF, TAKEPROFIT, HIGHLOW -> false;
            default -> true;
        };
    }

    /** The defaults: conservative fills, the gate at z = 2, strict data validation. */
    public CycleSettings(int windows, int daysPerWindow, int lookbackDays, Set<StrategyId> enabledStrategies,
                         double minEdge, int maxPositions, double positionFraction, double maxGrossExposure,
                         int threads, String orderIdPrefix, String modelSpec) {
        this(windows, daysPerWindow, lookbackDays, enabledStrategies, minEdge, maxPositions, positionFraction,
                maxGrossExposure, threads, orderIdPrefix, modelSpec, FillModel.CONSERVATIVE, 2.0);
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
