package sextant.app;

import picocli.CommandLine.Option;

/**
 * Which account an operator command works on, as {@code sextant cycle} chooses it: --broker (else {@code broker.type})
 * and --live. The mode picks the default state directory, so {@code sextant status --broker alpaca} reads the same
 * state as {@code sextant cycle --broker alpaca}.
 */
final class ModeOptions {
    @Option(names = "--broker", paramLabel = "paper|alpaca", description = "Overrides broker.type.")
    String broker;

    @Option(names = "--live", description = "The live Alpaca account (orders also need --confirm-live).")
    boolean live;

    /** The configuration with --broker applied. */
    SextantConfig apply(SextantConfig cfg) {
        return cfg.withBroker(broker);
    }

    TradingMode mode(SextantConfig cfg) {
        BrokerType type = apply(cfg).broker().type();
        if (live && type != BrokerType.ALPACA) {
            throw new ConfigException("--live needs the Alpaca broker (--broker alpaca); the paper broker has no live mode");
        }
        return TradingMode.of(type, live);
    }

    /** The mode the flags name, without reading the configuration; empty when neither --broker nor --live is given. */
    java.util.Optional<TradingMode> explicit() {
        if (broker == null && !live) {
            return java.util.Optional.empty();
        }
        BrokerType type = broker == null ? BrokerType.ALPACA : BrokerType.parse(broker);
        if (live && type != BrokerType.ALPACA) {
            throw new ConfigException("--live needs the Alpaca broker (--broker alpaca); the paper broker has no live mode");
        }
        return java.util.Optional.of(TradingMode.of(type, live));
    }
}
