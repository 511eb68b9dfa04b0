package sextant.app;

/** Who receives the orders ({@code broker.type}, or a command's {@code --broker}). */
enum BrokerType {
    /** The local paper broker, its account in the state database. */
    PAPER,
    /** Alpaca's API: its paper endpoint unless live trading is asked for and confirmed. */
    ALPACA;

    String key() {
        return EnumKeys.key(this);
    }

    /** {@code raw} as a broker type; an {@link IllegalArgumentException} naming {@code broker.type} otherwise. */
    static BrokerType parse(String raw) {
        return EnumKeys.parse(BrokerType.class, raw).orElseThrow(() -> new IllegalArgumentException(
                "'broker.type' must be paper or alpaca, got '" + raw + "'"));
    }
}
