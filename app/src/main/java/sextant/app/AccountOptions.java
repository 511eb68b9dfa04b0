package sextant.app;

import picocli.CommandLine.Option;

/** Which account a trading command ({@code cycle}, {@code run}) sends orders to: the broker, and live trading. */
final class AccountOptions {
    @Option(names = "--broker", paramLabel = "paper|alpaca", description = "Overrides broker.type.")
    String broker;

    @Option(names = "--live", description = "Trade the live Alpaca account (needs --confirm-live).")
    boolean live;

    @Option(names = "--confirm-live", description = "Confirms that --live may place real-money orders.")
    boolean confirmLive;

    LiveTrading liveTrading() {
        return new LiveTrading(live, confirmLive);
    }
}
