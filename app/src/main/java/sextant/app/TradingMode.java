package sextant.app;

import java.util.Optional;

/**
 * Which account a command works on: the local paper broker, Alpaca's paper API or Alpaca's live API. Each has its own
 * default state directory (see {@link StateMode}), so the ledger, owned positions and kill switch of one can never be
 * read as another's. {@link #key()} is what the log lines, alerts and the {@code MODE} file say.
 */
enum TradingMode {
    PAPER("paper", "paper", ""),
    ALPACA_PAPER("alpaca-paper", "alpaca-paper", "-alpaca-paper"),
    LIVE("live", "alpaca-live", "-live");

    private final String key;
    private final String brokerName;
    private final String dirSuffix;

    TradingMode(String key, String brokerName, String dirSuffix) {
        this.key = key;
        this.brokerName = brokerName;
        this.dirSuffix = dirSuffix;
    }

    String key() {
        return key;
    }

    /** Appended to {@code state.dir} for this mode's default state directory (none for the local paper broker). */
    String dirSuffix() {
        return dirSuffix;
    }

    boolean alpaca() {
        return this != PAPER;
    }

    /** The mode of a broker type and the --live choice. */
    static TradingMode of(BrokerType brokerType, boolean live) {
        if (live) {
            return LIVE;
        }
        return brokerType == BrokerType.ALPACA ? ALPACA_PAPER : PAPER;
    }

    static Optional<TradingMode> fromKey(String key) {
        for (TradingMode m : values()) {
            if (m.key.equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The mode a ledger's {@code cycles.broker} names ({@code paper}, {@code alpaca-paper}, {@code alpaca-live}). */
    static Optional<TradingMode> fromBrokerName(String name) {
        for (TradingMode m : values()) {
            if (m.brokerName.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
