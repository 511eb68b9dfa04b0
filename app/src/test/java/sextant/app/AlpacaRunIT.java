package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.alpaca.fake.FakeOrder;

/**
 * {@code sextant run} against the fake Alpaca on 127.0.0.1, as a process of its own on the real clock: the loop listens
 * to Alpaca's trade stream between its polls, so a crypto entry that fills gets its take-profit within moments, not at
 * the next {@code run.poll-seconds} (here ten minutes, far longer than the test waits).
 */
class AlpacaRunIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aCryptoEntryThatFillsGetsItsTakeProfitFromTheTradeStreamWithoutWaitingForThePoll() throws Exception {
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.start()) {
            Path state = dir.resolve("state");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", System.getProperty("sextant.jar"), "run", "--broker", "alpaca", "--data", "alpaca",
                    "--state-dir", state.toString(), "--set", "strategies.edge-z=0", "--set", "run.poll-seconds=600",
                    "--set", "universe.stocks=[]", "--set", "universe.crypto=[BTCUSD,ETHUSD]"));
            Path log = dir.resolve("run.out");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("APCA_") || k.startsWith("SEXTANT_"));
            pb.environment().putAll(alpaca.env());
            Process p = pb.start();
            try {
                // The loop has done its cycle and its first management poll, and now waits (poll: ten minutes).
                await(() -> Files.exists(state.resolve("sextant.db")) && new StateDb(state).count("SELECT COUNT(*)"
                        + " FROM cycles WHERE data_source LIKE '%(run manage crypto)' AND finished_at IS NOT NULL") > 0,
                        "the first management poll", log);
                assertThat(alpaca.streamStats().listeners()).as("the loop listens to the trade stream").isEqualTo(1);
                FakeOrder entry = alpaca.orders().stream().filter(o -> o.side().equals("buy")
                        && o.status().equals("new")).findFirst().orElseThrow(() -> new AssertionError(
                        "no crypto entry working: " + alpaca.orders()));
                assertThat(sellsOf(alpaca, entry.symbol())).isEmpty();

                long t0 = System.nanoTime();
                alpaca.fillOrder(entry.id(), entry.limitPrice());
                await(() -> !sellsOf(alpaca, entry.symbol()).isEmpty(), "the take-profit of " + entry.symbol(), log);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                System.out.println("take-profit of " + entry.symbol() + " placed " + took.toMillis() + " ms after its entry"
                        + " filled");
                assertThat(took).as("placed on the fill, not at the next poll").isLessThan(Duration.ofSeconds(30));
                FakeOrder tp = sellsOf(alpaca, entry.symbol()).get(0);
                assertThat(tp.type()).isEqualTo("limit");
                assertThat(tp.qty()).isEqualTo(entry.qty());
                assertThat(tp.limitPrice()).isGreaterThan(entry.limitPrice());
                // The fill is booked and the take-profit recorded in the ledger under the plan the cycle opened.
                await(() -> new StateDb(state).count("SELECT COUNT(*) FROM orders WHERE client_order_id = '"
                        + tp.clientOrderId() + "'") > 0, "the take-profit in the ledger", log);
                assertThat(new StateDb(state).column("SELECT client_order_id FROM fills"))
                        .contains(entry.clientOrderId());
                assertThat(p.isAlive()).as(Files.readString(log)).isTrue();
            } finally {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
                p.destroyForcibly();
            }
        }
    }

    private static List<FakeOrder> sellsOf(FakeAlpacaServer alpaca, String symbol) {
        return alpaca.orders().stream().filter(o -> o.symbol().equals(symbol) && o.side().equals("sell")).toList();
    }

    /** Waits until {@code done} holds (the database may be busy while the loop writes: that is asked again). */
    private static void await(Supplier<Boolean> done, String what, Path log) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        Optional<RuntimeException> last = Optional.empty();
        while (System.nanoTime() < end) {
            try {
                if (done.get()) {
                    return;
                }
            } catch (IllegalStateException e) {
                last = Optional.of(e);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("waited " + PATIENCE + " for " + what + " (" + last.map(Throwable::getMessage).orElse("")
                + "):\n" + Files.readString(log));
    }
}
