package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.alpaca.fake.FakeAlpacaServer;

/**
 * The packaged application runs whole cycles against a fake Alpaca server on 127.0.0.1, configured only through
 * the documented environment variables, exactly as a user would point it at Alpaca's paper API.
 */
class AlpacaCycleIT {
    @TempDir
    Path dir;

    record Run(int exit, String out) {
    }

    Run sextant(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("sextant.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("APCA_") || k.startsWith("SEXTANT_ALPACA"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void fullCycleOf27SymbolsStaysUnderTheRateLimitAndNeverDuplicatesOrders() throws Exception {
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.start()) {
            Run first = sextant(alpaca.env(), "cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress");
            assertThat(first.exit()).as(first.out()).isZero();
            assertThat(first.out()).contains("broker alpaca").contains("Decisions: 27 symbols").contains("total");
            int orders = alpaca.orders().size();
            assertThat(orders).as(first.out()).isPositive();
            assertThat(alpaca.ordersWithoutClientOrderId()).isZero();
            assertThat(alpaca.requestsInAnyMinuteMax()).isLessThan(200);

            Run again = sextant(alpaca.env(), "cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress");
            assertThat(again.exit()).as(again.out()).isZero();
            assertThat(alpaca.orders()).hasSize(orders);
            assertThat(again.out()).doesNotContain(" submitted ");
            assertThat(alpaca.rateLimitedCount()).isZero();
            assertThat(first.out() + again.out()).doesNotContain(FakeAlpacaServer.SECRET_KEY)
                    .doesNotContain(FakeAlpacaServer.KEY_ID);
            assertThat(dir.resolve(".sextant/logs/sextant.log")).content().doesNotContain(FakeAlpacaServer.SECRET_KEY)
                    .doesNotContain(FakeAlpacaServer.KEY_ID);
        }
    }

    @Test
    void wrongOrMissingKeysFailClearlyBeforeAnyOrder() throws Exception {
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.start()) {
            Map<String, String> wrong = new HashMap<>(alpaca.env());
            wrong.put("APCA_API_SECRET_KEY", "not-the-secret-0123456789");
            Run r = sextant(wrong, "cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).startsWith("error: ").doesNotContain("not-the-secret-0123456789");
            Map<String, String> missing = new HashMap<>(alpaca.env());
            missing.remove("APCA_API_KEY_ID");
            Run m = sextant(missing, "cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress");
            assertThat(m.exit()).isEqualTo(2);
            assertThat(m.out()).contains("APCA_API_KEY_ID");
            assertThat(alpaca.requestCount("POST /v2/orders")).isZero();
        }
    }

    @Test
    void liveTradingNeedsConfigFlagAndConfirmation() throws Exception {
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.start()) {
            Run noConfirm = sextant(alpaca.env(), "cycle", "--broker", "alpaca", "--live");
            assertThat(noConfirm.exit()).isEqualTo(1);
            assertThat(noConfirm.out()).contains("--confirm-live");
            Run noConfig = sextant(alpaca.env(), "cycle", "--broker", "alpaca", "--live", "--confirm-live");
            assertThat(noConfig.exit()).isEqualTo(1);
            assertThat(noConfig.out()).contains("broker.live is false");
            Run paperUrl = sextant(alpaca.env(), "cycle", "--broker", "alpaca", "--live", "--confirm-live",
                    "--set", "broker.live=true");
            assertThat(paperUrl.exit()).isEqualTo(2);
            assertThat(alpaca.totalRequests()).isZero();
        }
    }
}
