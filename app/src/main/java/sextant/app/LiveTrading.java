package sextant.app;

/**
 * The user's explicit choice about live trading. Paper is the default; live needs {@code --live} and
 * {@code --confirm-live} together (a config key alone is never enough).
 */
record LiveTrading(boolean live, boolean confirmed) {
    static final LiveTrading PAPER = new LiveTrading(false, false);

    void check() {
        if (live && !confirmed) {
            throw new ConfigException("--live trades real money: add --confirm-live to confirm, or drop --live to use paper");
        }
    }
}
