package sextant.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations. Each entry runs once, in order, inside a transaction, and bumps
 * {@code schema_version}. Never edit a released migration: append a new one.
 */
final class Migrations {
    private Migrations() {
    }

    static final List<String[]> STEPS = List.<String[]>of(
            new String[] {
                // V1: bar cache, forecast store, ledger, paper broker.
                "CREATE TABLE bars (symbol TEXT NOT NULL, day INTEGER NOT NULL, open REAL NOT NULL, high REAL NOT NULL,"
                        + " low REAL NOT NULL, close REAL NOT NULL, volume REAL NOT NULL, PRIMARY KEY (symbol, day))"
                        + " WITHOUT ROWID",
                "CREATE TABLE bar_coverage (symbol TEXT PRIMARY KEY, source TEXT NOT NULL, from_day INTEGER NOT NULL,"
                        + " to_day INTEGER NOT NULL)",
                "CREATE TABLE forecasts (model_key TEXT NOT NULL, symbol TEXT NOT NULL, context_end_day INTEGER NOT NULL,"
                        + " context_length INTEGER NOT NULL, context_hash INTEGER NOT NULL, row BLOB NOT NULL,"
                        + " PRIMARY KEY (model_key, symbol, context_end_day, context_length, context_hash)) WITHOUT ROWID",
                "CREATE TABLE cycles (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT,"
                        + " as_of TEXT NOT NULL, status TEXT NOT NULL, broker TEXT NOT NULL, data_source TEXT NOT NULL,"
                        + " model TEXT NOT NULL, symbols INTEGER NOT NULL, total_ms REAL, summary TEXT)",
                "CREATE TABLE phase_timings (cycle_id INTEGER NOT NULL REFERENCES cycles(id), phase TEXT NOT NULL,"
                        + " millis REAL NOT NULL, note TEXT, PRIMARY KEY (cycle_id, phase))",
                "CREATE TABLE backtests (cycle_id INTEGER NOT NULL REFERENCES cycles(id), symbol TEXT NOT NULL,"
                        + " strategy TEXT NOT NULL, windows INTEGER NOT NULL,"
                        + " is_total_return REAL, is_sharpe REAL, is_avg_daily REAL,"
                        + " oos_total_return REAL, oos_sharpe REAL, oos_sortino REAL, oos_max_drawdown REAL,"
                        + " oos_win_rate REAL, oos_turnover REAL, oos_trades INTEGER, oos_avg_daily REAL,"
                        + " plan_side TEXT, plan_entry REAL, plan_take_profit REAL, plan_reason TEXT, details TEXT,"
                        + " PRIMARY KEY (cycle_id, symbol, strategy))",
                "CREATE TABLE decisions (cycle_id INTEGER NOT NULL REFERENCES cycles(id), symbol TEXT NOT NULL,"
                        + " action TEXT NOT NULL, strategy TEXT, side TEXT, score REAL, entry_price REAL,"
                        + " take_profit REAL, qty REAL, reason TEXT NOT NULL, PRIMARY KEY (cycle_id, symbol))",
                "CREATE TABLE orders (order_id TEXT NOT NULL, client_order_id TEXT NOT NULL, cycle_id INTEGER NOT NULL"
                        + " REFERENCES cycles(id), event TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL,"
                        + " qty REAL NOT NULL, type TEXT NOT NULL, limit_price REAL, tif TEXT NOT NULL, status TEXT NOT NULL,"
                        + " filled_qty REAL NOT NULL, filled_avg_price REAL, submitted_at TEXT)",
                "CREATE INDEX orders_by_client_id ON orders (client_order_id)",
                "CREATE TABLE fills (cycle_id INTEGER NOT NULL REFERENCES cycles(id), order_id TEXT NOT NULL,"
                        + " client_order_id TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, qty REAL NOT NULL,"
                        + " price REAL NOT NULL, fee REAL NOT NULL, at TEXT NOT NULL)",
                "CREATE TABLE account_snapshots (cycle_id INTEGER NOT NULL REFERENCES cycles(id), at TEXT NOT NULL,"
                        + " cash REAL NOT NULL, equity REAL NOT NULL, buying_power REAL NOT NULL, last_equity REAL)",
                "CREATE TABLE paper_account (id INTEGER PRIMARY KEY CHECK (id = 1), cash REAL NOT NULL,"
                        + " last_equity REAL NOT NULL, settled_through INTEGER NOT NULL, next_order INTEGER NOT NULL)",
                "CREATE TABLE paper_positions (symbol TEXT PRIMARY KEY, asset_class TEXT NOT NULL, qty REAL NOT NULL,"
                        + " avg_price REAL NOT NULL, last_price REAL NOT NULL)",
                "CREATE TABLE paper_orders (id TEXT PRIMARY KEY, client_order_id TEXT NOT NULL UNIQUE,"
                        + " symbol TEXT NOT NULL, asset_class TEXT NOT NULL, side TEXT NOT NULL, qty REAL NOT NULL,"
                        + " type TEXT NOT NULL, limit_price REAL, tif TEXT NOT NULL, status TEXT NOT NULL,"
                        + " filled_qty REAL NOT NULL, filled_avg_price REAL, submitted_at TEXT NOT NULL,"
                        + " eligible_from INTEGER NOT NULL)",
                "CREATE TABLE paper_fills (seq INTEGER PRIMARY KEY AUTOINCREMENT, order_id TEXT NOT NULL,"
                        + " client_order_id TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, qty REAL NOT NULL,"
                        + " price REAL NOT NULL, fee REAL NOT NULL, at TEXT NOT NULL, reported INTEGER NOT NULL DEFAULT 0)"
            },
            new String[] {
                // V2: ownership and reasons. Orders get the reason of each outcome; fills the P&L they realised;
                // owned_positions books what Sextant's own fills opened (the only positions it acts on).
                "ALTER TABLE orders ADD COLUMN reason TEXT",
                "ALTER TABLE fills ADD COLUMN realized_pnl REAL",
                "CREATE INDEX orders_by_order_id ON orders (order_id)",
                "CREATE INDEX fills_by_order_id ON fills (order_id)",
                "CREATE TABLE owned_positions (symbol TEXT PRIMARY KEY, qty REAL NOT NULL, avg_price REAL NOT NULL,"
                        + " realized_pnl REAL NOT NULL, updated_cycle INTEGER)",
                "CREATE TABLE left_alone (cycle_id INTEGER NOT NULL REFERENCES cycles(id), symbol TEXT NOT NULL,"
                        + " what TEXT NOT NULL)",
                "CREATE TABLE paper_pending_cancels (order_id TEXT PRIMARY KEY)",
                "CREATE TABLE position_adjustments (cycle_id INTEGER NOT NULL REFERENCES cycles(id), symbol TEXT NOT NULL,"
                        + " from_qty REAL NOT NULL, to_qty REAL NOT NULL, why TEXT NOT NULL)",
                // Before V2 only Sextant's own orders were ever reported as fills (the paper broker's), so every
                // recorded fill is Sextant's: seed ownership from them so that existing positions stay managed.
                "INSERT INTO owned_positions (symbol, qty, avg_price, realized_pnl)"
                        + " SELECT symbol, q, CASE WHEN q > 0 THEN bn / NULLIF(bq, 0) ELSE sn / NULLIF(sq, 0) END, 0 FROM"
                        + " (SELECT symbol, SUM(CASE WHEN side = 'buy' THEN qty ELSE -qty END) AS q,"
                        + " SUM(CASE WHEN side = 'buy' THEN qty ELSE 0 END) AS bq,"
                        + " SUM(CASE WHEN side = 'buy' THEN qty * price ELSE 0 END) AS bn,"
                        + " SUM(CASE WHEN side = 'sell' THEN qty ELSE 0 END) AS sq,"
                        + " SUM(CASE WHEN side = 'sell' THEN qty * price ELSE 0 END) AS sn FROM fills GROUP BY symbol)"
                        + " WHERE ABS(q) > 1e-9"
            },
            new String[] {
                // V3: the paper account remembers the cash it was opened with, so that `state check` can recompute
                // cash from the fills and a changed paper.initial-cash is noticed. Older accounts get the value their
                // fills imply.
                "ALTER TABLE paper_account ADD COLUMN initial_cash REAL",
                "UPDATE paper_account SET initial_cash = cash + COALESCE((SELECT SUM(CASE side WHEN 'BUY' THEN qty * price"
                        + " ELSE -qty * price END + fee) FROM paper_fills), 0)"
            },
            new String[] {
                // V4: per cycle and strategy, the one-step-ahead results averaged over the symbols bar by bar, with
                // the standard error across symbols: what the strategy earned out of sample, for reports.
                "CREATE TABLE strategy_curves (cycle_id INTEGER NOT NULL REFERENCES cycles(id), strategy TEXT NOT NULL,"
                        + " symbols INTEGER NOT NULL, mean_json TEXT NOT NULL, se_json TEXT NOT NULL,"
                        + " PRIMARY KEY (cycle_id, strategy))"
            },
            new String[] {
                // V5: the plan each position was opened under (strategy, cycle, take-profit, stop, end-of-day and
                // time stops), which manages it until it is flat, and each change of its status with the reason.
                "CREATE TABLE position_plans (id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL,"
                        + " asset_class TEXT NOT NULL, side TEXT NOT NULL, qty REAL NOT NULL,"
                        + " opened_cycle_id INTEGER NOT NULL REFERENCES cycles(id), opened_session INTEGER NOT NULL,"
                        + " strategy TEXT NOT NULL, entry_client_order_id TEXT NOT NULL UNIQUE, entry_price REAL NOT NULL,"
                        + " take_profit REAL, stop_price REAL, close_at_eod INTEGER NOT NULL,"
                        + " max_holding_sessions INTEGER NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,"
                        + " updated_at TEXT NOT NULL)",
                "CREATE INDEX position_plans_active ON position_plans (status, symbol)",
                "CREATE TABLE position_plan_events (plan_id INTEGER NOT NULL REFERENCES position_plans(id),"
                        + " at TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL)"
            },
            new String[] {
                // V6: the intraday paper broker's settlement progress per symbol: the session (epoch day of its date
                // in the symbol's calendar), the last of its four path points applied, and the order of the session's
                // extremes once it is known (HIGH_FIRST: open, high, low, close; LOW_FIRST: open, low, high, close).
                // It is written in the transaction that applies the points, so a killed process resumes exactly once.
                "CREATE TABLE paper_progress (symbol TEXT PRIMARY KEY, day INTEGER NOT NULL, point INTEGER NOT NULL,"
                        + " path TEXT)"
            },
            new String[] {
                // V7: each order request written just before it is sent, and deleted in the transaction that records
                // the order's first outcome. A row left behind is an order in doubt: the process stopped between the
                // broker taking it (or not) and the ledger recording it, and the next reconciliation asks the broker.
                "CREATE TABLE order_intents (client_order_id TEXT PRIMARY KEY, cycle_id INTEGER NOT NULL"
                        + " REFERENCES cycles(id), symbol TEXT NOT NULL, asset_class TEXT NOT NULL, side TEXT NOT NULL,"
                        + " qty REAL NOT NULL, type TEXT NOT NULL, limit_price REAL, tif TEXT NOT NULL,"
                        + " take_profit REAL, written_at TEXT NOT NULL)"
            });

    /** Makes a new, empty file a Sextant database at the newest schema version. */
    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
        }
        apply(c);
    }

    /**
     * Brings a Sextant database up to the newest schema. The database must already have {@code schema_version}:
     * a file without it is someone else's, and gets no table of ours.
     */
    static void apply(Connection c) throws SQLException {
        int current = currentVersion(c);
        if (current > STEPS.size()) {
            throw new SQLException("schema version " + current + " is newer than this Sextant understands ("
                    + STEPS.size() + "); upgrade Sextant or use another state directory");
        }
        for (int v = current; v < STEPS.size(); v++) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : STEPS.get(v)) {
                    s.execute(sql);
                }
                s.execute("DELETE FROM schema_version");
                s.execute("INSERT INTO schema_version VALUES (" + (v + 1) + ")");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("migration V" + (v + 1) + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
