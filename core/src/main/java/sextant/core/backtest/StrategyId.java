package sextant.core.backtest;

import sextant.core.key.Keyed;

/** The strategies of the original (anchor-spec §5.4). Names are the original's identifiers. */
public enum StrategyId implements Keyed {
    SIMPLE("simple"),
    ALL_SIGNALS("all_signals"),
    BUY_HOLD("buy_hold"),
    UNPROFIT_SHUTDOWN("unprofit_shutdown"),
    TAKEPROFIT("takeprofit"),
    HIGHLOW("highlow"),
    MAXDIFF("maxdiff"),
    MAXDIFF_ALWAYS_ON("maxdiffalwayson"),
    PCTDIFF("pctdiff");

    private final String key;

    StrategyId(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    /** buy_hold and unprofit_shutdown are report-only in the original. */
    public boolean selectable() {
        return this != BUY_HOLD && this != UNPROFIT_SHUTDOWN;
    }

    public static StrategyId fromKey(String key) {
        return Keyed.parse(values(), key, "strategy");
    }
}
