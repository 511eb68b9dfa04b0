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
        return sextant(dir, env, args);
    }

    /** Runs the packaged application in {@code dir} with only the given Alpaca environment, as a user would. */
    static Run sextant(Path dir, Map<String, String> env, String... args) throws Exception {
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
            alpaca.marketTime(beforeTheOpen());
            Run first = sextant(alpaca.env(), "cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress",
                    "--set", "strategies.edge-z=0");
            assertThat(first.exit()).as(first.out()).isZero();
            assertThat(first.out()).contains("broker alpaca").contains("Decisions: 27 symbols").contains("total");
            int orders = alpaca.orders().size();
            assertThat(orders).as(first.out()).isPositive();
            assertThat(alpaca.ordersWithoutClientOrderId()).isZero();
            assertThat(alpaca.requestsInAnyMinuteMax()).isLessThan(200);

            Run again = sextant(alpaca.env(), "cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress",
                    "--set", "strategies.edge-z=0");
            assertThat(again.exit()).as(again.out()).isZero();
            assertThat(alpaca.orders()).hasSize(orders);
            assertThat(again.out()).doesNotContain(" submitted ");
            assertThat(alpaca.rateLimitedCount()).isZero();
            assertThat(first.out() + again.out()).doesNotContain(FakeAlpacaServer.SECRET_KEY)
                    .doesNotContain(FakeAlpacaServer.KEY_ID);
            assertThat(dir.resolve(".sextant-alpaca-paper/logs/sextant.log")).content().doesNotContain(FakeAlpacaServer.SECRET_KEY)
                    .doesNotContain(FakeAlpacaServer.KEY_ID);
        }
    }

    /** 05:00 UTC today: before the New York open, after 00:00 UTC (a time a cycle may run). */
    static java.time.Instant beforeTheOpen() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).atTime(5, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    /** Defect 3: --as-of is refused with Alpaca (a usage error, exit 1), and so is a run while the market is open (exit 2); nothing is sent. */
    @Test
    void asOfAndAnOpenMarketAreRefusedWithNothingSent() throws Exception {
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.start()) {
            Run asOf = sextant(alpaca.env(), "cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress",
                    "--as-of", "2026-09-15");
            assertThat(asOf.exit()).as(asOf.out()).isEqualTo(1);
            assertThat(asOf.out()).contains("--as-of 2026-09-15 is refused with the Alpaca broker");
            assertThat(alpaca.totalRequests()).isZero();

            // A Wednesday 15:00 UTC: 10:00 in New York, the session is open.
            java.time.LocalDate d = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            while (d.getDayOfWeek() != java.time.DayOfWeek.WEDNESDAY) {
                d = d.minusDays(1);
            }
            alpaca.marketTime(d.atTime(15, 0).toInstant(java.time.ZoneOffset.UTC));
            Run open = sextant(alpaca.env(), "cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress");
            assertThat(open.exit()).as(open.out()).isEqualTo(2);
            assertThat(open.out()).contains("the market is open").contains("nothing was sent");
            assertThat(alpaca.requestCount("POST /v2/orders")).isZero();
            assertThat(alpaca.requestCount("GET /v2/stocks/bars")).isZero();
        }
    }

    @Test
    void wrongOrMissingKeysFailClearlyBeforeAnyOrder() throws Exception {
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.start()) {
            Map<String, String> wrong = new HashMap<>(alpaca.env());
            wrong.put("APCA_API_SECRET_KEY", "not-the-secret-0123456789");
            Run r = sextant(wrong, "cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress",
                    "--set", "strategies.edge-z=0");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).startsWith("error: ").doesNotContain("not-the-secret-0123456789");
            Map<String, String> missing = new HashMap<>(alpaca.env());
            missing.remove("APCA_API_KEY_ID");
            Run m = sextant(missing, "cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress",
                    "--set", "strategies.edge-z=0");
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
