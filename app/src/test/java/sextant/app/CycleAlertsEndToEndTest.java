package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.app.CycleEndToEndTest.OPEN_GATE;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code alerts.webhook-url} through the real CLI: a cycle that leaves Sextant's positions without exits posts one
 * {@code position_without_exit} per symbol, a cycle that fails posts {@code step_failed}, each as JSON naming the mode
 * and state, and the URL (a secret token) appears neither in a body nor in the log.
 */
class CycleAlertsEndToEndTest {
    private static final String TOKEN = "S3CR3T-T0KEN-77";

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private HttpServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks/" + TOKEN, ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        logged.start();
        ((Logger) LoggerFactory.getLogger("sextant.alerts")).addAppender(logged);
        ((Logger) LoggerFactory.getLogger(WebhookAlerts.class)).addAppender(logged);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("sextant.alerts")).detachAppender(logged);
        ((Logger) LoggerFactory.getLogger(WebhookAlerts.class)).detachAppender(logged);
        server.stop(0);
    }

    private String hook() {
        return "alerts.webhook-url=http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + TOKEN;
    }

    @Test
    void positionsLeftWithoutExitsAndAFailedCycleArePostedAsJson() throws Exception {
        String state = dir.resolve("state").toString();
        for (String day : List.of(OperatorCommandsEndToEndTest.DAY1, OperatorCommandsEndToEndTest.DAY2)) {
            Cli c = Cli.run("cycle", "--state-dir", state, "--as-of", day, "--no-progress", "--set", OPEN_GATE,
                    "--set", hook());
            assertThat(c.exit()).as(c.err()).isZero();
        }
        assertThat(events("position_without_exit")).as("each held position got its exit in the second cycle").isEmpty();

        // Day 3 trades only a stock Sextant does not hold and keeps the rest: the held stocks' day-2 exits expired,
        // and nothing replaces them.
        String other = OperatorCommandsEndToEndTest.query(state, "SELECT 'SPY' WHERE 'SPY' NOT IN (SELECT symbol FROM"
                + " paper_positions WHERE ABS(qty) > 1e-9) UNION ALL SELECT 'COUR' LIMIT 1").get(0);
        bodies.clear();
        Cli day3 = Cli.run("cycle", "--state-dir", state, "--as-of", "2026-03-04", "--no-progress", "--set", OPEN_GATE,
                "--set", hook(), "--set", "universe.stocks=[" + other + "]", "--set", "universe.crypto=[]",
                "--set", "universe.on-removal=keep");
        assertThat(day3.exit()).as(day3.err()).isZero();
        Set<String> alerted = new TreeSet<>();
        for (JsonNode n : events("position_without_exit")) {
            assertThat(n.get("level").asText()).isEqualTo("critical");
            assertThat(n.get("message").asText()).contains("sextant flatten " + n.get("symbol").asText());
            alerted.add(n.get("symbol").asText());
        }
        // Held after day 3's settlement and not exited by an open order of Sextant's: the day-2 entries that filled
        // (no cycle placed their take-profits) and the stocks whose DAY exits expired.
        List<String> bare = OperatorCommandsEndToEndTest.query(state, "SELECT p.symbol FROM paper_positions p"
                + " WHERE p.qty > 1e-9 AND NOT EXISTS (SELECT 1 FROM paper_orders o WHERE o.symbol = p.symbol"
                + " AND o.side = 'SELL' AND o.status IN ('NEW','PARTIALLY_FILLED')) ORDER BY p.symbol");
        assertThat(bare).isNotEmpty();
        assertThat(alerted).containsExactlyElementsOf(bare);
        for (JsonNode n : all()) {
            assertThat(n.get("mode").asText()).isEqualTo("paper");
            assertThat(n.get("state_dir").asText()).isEqualTo(Path.of(state).toAbsolutePath().normalize().toString());
        }

        bodies.clear();
        Cli past = Cli.run("cycle", "--state-dir", state, "--as-of", OperatorCommandsEndToEndTest.DAY2, "--no-progress",
                "--set", hook());
        assertThat(past.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(events("step_failed")).singleElement().satisfies(n -> {
            assertThat(n.get("level").asText()).isEqualTo("critical");
            assertThat(n.get("message").asText()).startsWith("cycle failed: ").contains("already settled");
        });

        assertThat(String.join("\n", bodies)).doesNotContain(TOKEN);
        List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(l -> l.startsWith("alert critical position_without_exit"));
        assertThat(String.join("\n", lines)).doesNotContain(TOKEN);
    }

    private List<JsonNode> all() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String b : bodies) {
            out.add(new ObjectMapper().readTree(b));
        }
        return out;
    }

    private List<JsonNode> events(String event) throws Exception {
        return all().stream().filter(n -> n.get("event").asText().equals(event)).toList();
    }
}
