package sextant.engine;

import java.util.Set;
import sextant.core.backtest.StrategyId;

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
 * @param validation        which data findings stop a symbol ({@code data.validation})
 */
public record CycleSettings(int windows, int daysPerWindow, int lookbackDays, Set<StrategyId> enabledStrategies,
                            double minEdge, int maxPositions, double positionFraction, double maxGrossExposure,
                            int threads, String orderIdPrefix, String modelSpec, DataValidation validation) {
    public CycleSettings {
        enabledStrategies = Set.copyOf(enabledStrategies);
    }

    /** Settings where every data finding stops its symbol. */
    public CycleSettings(int windows, int daysPerWindow, int lookbackDays, Set<StrategyId> enabledStrategies,
                         double minEdge, int maxPositions, double positionFraction, double maxGrossExposure,
                         int threads, String orderIdPrefix, String modelSpec) {
        this(windows, daysPerWindow, lookbackDays, enabledStrategies, minEdge, maxPositions, positionFraction,
                maxGrossExposure, threads, orderIdPrefix, modelSpec, DataValidation.strict());
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
