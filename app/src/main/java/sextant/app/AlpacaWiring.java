package sextant.app;

import sextant.core.port.Broker;
import sextant.core.port.MarketData;

/** Builds the Alpaca adapters from the environment and configuration. */
final class AlpacaWiring {
    private AlpacaWiring() {
    }

    static MarketData marketData(SextantConfig cfg) {
        throw new ConfigException("data.source alpaca is not available in this build yet");
    }

    static Broker broker(SextantConfig cfg, LiveTrading live) {
        throw new ConfigException("broker.type alpaca is not available in this build yet");
    }
}
