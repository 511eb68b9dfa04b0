package sextant.alpaca;

import java.time.Duration;
import java.time.Instant;
import sextant.alpaca.fake.FakeAlpacaServer;

/** Clients wired to a fake server with fake time (no real back-off waits). */
final class FakeSetup {
    static {
        warmUp();
    }

    private FakeSetup() {
    }

    /**
     * The first request of a JVM loads and compiles the HTTP and JSON stacks (seconds on a busy machine). Doing that once
     * here, with a generous timeout, keeps the short timeouts of the fault tests about faults, not about class loading.
     */
    private static void warmUp() {
        try (FakeAlpacaServer fake = FakeAlpacaServer.start()) {
            FakeTime t = time();
            AlpacaTradingClient c = AlpacaTradingClient.create(config(fake).requestTimeout(Duration.ofSeconds(30)).build(), t, t, 1);
            c.account();
            c.submitOrder(AlpacaOrderRequest.limit("AAPL", java.math.BigDecimal.ONE, sextant.core.order.Side.BUY,
                    java.math.BigDecimal.TEN, sextant.core.order.TimeInForce.DAY, "warm-up"));
            c.submitOrder(AlpacaOrderRequest.limit("AAPL", java.math.BigDecimal.ONE, sextant.core.order.Side.BUY,
                    java.math.BigDecimal.TEN, sextant.core.order.TimeInForce.DAY, "warm-up"));
            c.orders("all", 10);
        }
    }

    static AlpacaConfig.Builder config(FakeAlpacaServer fake) {
        return AlpacaConfig.builder().keys(FakeAlpacaServer.KEY_ID, FakeAlpacaServer.SECRET_KEY).tradingUrl(fake.baseUrl())
                .dataUrl(fake.dataUrl()).streamUrl(fake.streamUrl()).requestTimeout(Duration.ofMillis(500))
                .connectTimeout(Duration.ofSeconds(2));
    }

    static FakeTime time() {
        return new FakeTime(Instant.now());
    }

    static AlpacaTradingClient client(FakeAlpacaServer fake, FakeTime t) {
        return AlpacaTradingClient.create(config(fake).build(), t, t, 42);
    }
}
