package sextant.alpaca;

import java.time.Duration;
import java.time.Instant;
import sextant.alpaca.fake.FakeAlpacaServer;

/** Clients wired to a fake server with fake time (no real back-off waits). */
final class FakeSetup {
    private FakeSetup() {
    }

    static AlpacaConfig.Builder config(FakeAlpacaServer fake) {
        return AlpacaConfig.builder().keys(FakeAlpacaServer.KEY_ID, FakeAlpacaServer.SECRET_KEY).tradingUrl(fake.baseUrl())
                .dataUrl(fake.dataUrl()).requestTimeout(Duration.ofMillis(400)).connectTimeout(Duration.ofSeconds(2));
    }

    static FakeTime time() {
        return new FakeTime(Instant.now());
    }

    static AlpacaTradingClient client(FakeAlpacaServer fake, FakeTime t) {
        return AlpacaTradingClient.create(config(fake).build(), t, t, 42);
    }
}
