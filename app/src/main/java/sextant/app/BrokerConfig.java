package sextant.app;

import java.util.Objects;

/**
 * The {@code broker} section.
 *
 * @param type who receives the orders
 * @param live {@code broker.live}: the standing permission to trade live; it never trades real money alone
 *             ({@link LiveTrading} also wants {@code --live --confirm-live}, and Alpaca the live URL)
 */
record BrokerConfig(BrokerType type, boolean live) {
    BrokerConfig {
        Objects.requireNonNull(type, "type");
    }

    static BrokerConfig from(ConfigTree t) {
        return new BrokerConfig(BrokerType.parse(t.string("broker.type")), t.bool("broker.live"));
    }
}
