package sextant.alpaca;

import java.time.Clock;

/**
 * One connection to Alpaca for a whole cycle: the broker and the market data share ONE rate limiter, so trading and
 * data requests together stay under the configured requests per minute. {@link #open} checks the keys first.
 */
public final class AlpacaSession implements AutoCloseable {
    private final AlpacaBroker broker;
    private final AlpacaMarketData marketData;

    private AlpacaSession(AlpacaHttp http) {
        this.broker = AlpacaBroker.open(new AlpacaTradingClient(http));
        this.marketData = new AlpacaMarketData(http);
    }

    /**
     * Verifies the keys with GET /v2/account (clear {@link AlpacaAuthException} on 401/403, before any order).
     */
    public static AlpacaSession open(AlpacaConfig config) {
        return new AlpacaSession(AlpacaHttp.system(config));
    }

    /** As {@link #open(AlpacaConfig)} with an injected clock and sleeper (tests) and seeded jitter. */
    public static AlpacaSession open(AlpacaConfig config, Clock clock, Sleeper sleeper, long jitterSeed) {
        return new AlpacaSession(AlpacaHttp.seeded(config, clock, sleeper, jitterSeed));
    }

    public AlpacaBroker broker() {
        return broker;
    }

    public AlpacaMarketData marketData() {
        return marketData;
    }

    public AlpacaTradingClient trading() {
        return broker.client();
    }

    /** Stops the broker's trade stream. */
    @Override
    public void close() {
        broker.close();
    }
}
