package sextant.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a picture of a cycle needs beyond {@link LedgerReader}'s rows: every cycle's account equity, a cycle's
 * backtest rows, and a symbol's cached bars and stored close forecasts. Read-only; nothing here writes.
 */
public final class LedgerHistory {
    /** One stored bar (epoch day and close). */
    public record Bar(int epochDay, double open, double high, double low, double close) {
    }

    /**
     * The stored forecast for the bar after {@code contextEndEpochDay}: the close's one-bar percent change at the
     * 10 %, 50 % and 90 % quantiles.
     */
    public record CloseForecast(int contextEndEpochDay, double q10, double q50, double q90) {
    }

    /** Offsets into a stored forecast row: the close target comes first, then point, q0.1 .. q0.9 (ForecastBatch). */
    private static final int Q10 = 1;
    private static final int Q50 = 5;
    private static final int Q90 = 9;

    private final Database db;

    public LedgerHistory(Database db) {
        this.db = db;
    }

    /** One row per cycle that has an account snapshot: id, as_of, status, equity, cash (oldest first). */
    public List<Map<String, Object>> equityByCycle() {
        return rows("SELECT c.id, c.as_of, c.status, a.equity, a.cash FROM cycles c JOIN account_snapshots a"
                + " ON a.cycle_id = c.id ORDER BY c.id", List.of());
    }

    public List<Map<String, Object>> backtests(long cycleId) {
        return rows("SELECT symbol, strategy, windows, is_avg_daily, is_sharpe, oos_avg_daily, oos_sharpe, oos_total_return,"
                + " oos_max_drawdown, oos_win_rate, oos_trades, plan_side, plan_entry, plan_take_profit FROM backtests"
                + " WHERE cycle_id=? ORDER BY strategy, symbol", List.of(cycleId));
    }

    /**
     * Per strategy, the cycle's one-step-ahead results averaged over its symbols bar by bar, with the standard error
     * across symbols (see {@link StrategyCurve}): strategy, symbols, mean and se (JSON arrays, oldest bar first).
     */
    public List<Map<String, Object>> strategyCurves(long cycleId) {
        return rows("SELECT strategy, symbols, mean_json, se_json FROM strategy_curves WHERE cycle_id=? ORDER BY strategy",
                List.of(cycleId));
    }

    /** The newest {@code count} cached bars of a symbol dated on or before {@code toEpochDay}, oldest first. */
    public List<Bar> bars(String symbol, int toEpochDay, int count) {
        return db.inTransaction(c -> {
            List<Bar> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, open, high, low, close FROM bars WHERE symbol=?"
                    + " AND day<=? ORDER BY day DESC LIMIT ?")) {
                ps.setString(1, symbol);
                ps.setInt(2, toEpochDay);
                ps.setInt(3, count);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(0, new Bar(rs.getInt(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Stored close forecasts of one model ({@code model} is the model id the cycle recorded; stored keys are
     * {@code id|parameters}) for contexts ending in [fromEpochDay, toEpochDay], one per context end. Where several
     * rows share a context end (another context length, or a corrected bar changed the hash) the last one read wins:
     * any of them is a forecast the model made for that bar.
     */
    public Map<Integer, CloseForecast> closeForecasts(String model, String symbol, int fromEpochDay, int toEpochDay) {
        return db.inTransaction(c -> {
            Map<Integer, CloseForecast> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT context_end_day, row FROM forecasts WHERE symbol=?"
                    + " AND context_end_day BETWEEN ? AND ? AND (model_key=? OR substr(model_key, 1, ?)=?)")) {
                String prefix = model + "|";
                ps.setString(1, symbol);
                ps.setInt(2, fromEpochDay);
                ps.setInt(3, toEpochDay);
                ps.setString(4, model);
                ps.setInt(5, prefix.length());
                ps.setString(6, prefix);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double[] row = SqliteForecastStore.decode(rs.getBytes(2));
                        if (row.length > Q90) {
                            out.put(rs.getInt(1), new CloseForecast(rs.getInt(1), row[Q10], row[Q50], row[Q90]));
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * The model whose stored forecasts cover most of a symbol's contexts in [fromEpochDay, toEpochDay], as its
     * stored key ({@code id|parameters}), or null when none are stored. For cycles whose recorded model name is not
     * the forecaster's id (a manifest path, per-symbol models from a model store).
     */
    public @Nullable String mostCoveringModel(String symbol, int fromEpochDay, int toEpochDay) {
        List<Map<String, Object>> r = rows("SELECT model_key, COUNT(*) AS n FROM forecasts WHERE symbol=? AND"
                + " context_end_day BETWEEN ? AND ? GROUP BY model_key ORDER BY n DESC, model_key LIMIT 1",
                List.of(symbol, fromEpochDay, toEpochDay));
        return r.isEmpty() ? null : (String) r.get(0).get("model_key");
    }

    private List<Map<String, Object>> rows(String sql, List<Object> args) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return ResultRows.of(ps);
            }
        });
    }
}
