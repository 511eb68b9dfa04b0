package sextant.app;

/**
 * The user's explicit choice about live trading. Paper is the default. Live needs three things together: the
 * configuration says {@code broker.live: true} (a standing intent), the command line says {@code --live}, and
 * {@code --confirm-live} confirms it. The Alpaca adapter then also insists on the live base URL.
 */
record LiveTrading(boolean live, boolean confirmed) {
    static final LiveTrading PAPER = new LiveTrading(false, false);

    void check(SextantConfig cfg) {
        if (confirmed && !live) {
            throw new ConfigException("--confirm-live without --live: nothing to confirm");
        }
        if (live && !confirmed) {
            throw new ConfigException("--live trades real money: add --confirm-live to confirm, or drop --live to use paper");
        }
        if (live && !cfg.broker().live()) {
            throw new ConfigException(cfg.source() + ": --live was given but broker.live is false; set broker.live: true"
                    + " in the configuration to allow live trading");
        }
    }
}
