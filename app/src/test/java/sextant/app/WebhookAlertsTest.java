package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import sextant.core.alert.Alert;
import sextant.core.alert.AlertEvent;
import sextant.core.alert.AlertLevel;
import sextant.core.port.AlertSink;

/** The webhook sink over real HTTP against a receiver on 127.0.0.1. */
class WebhookAlertsTest {
    private static final String SECRET = "SKtopsecret1234";
    private static final Instant AT = Instant.parse("2026-12-03T14:31:05Z");

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile long delayMs;
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    private HttpServer server;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks/T0KEN", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type"));
            try {
                release.await(delayMs, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        logged.start();
        ((Logger) LoggerFactory.getLogger(WebhookAlerts.class)).addAppender(logged);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(WebhookAlerts.class)).detachAppender(logged);
        release.countDown();
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/T0KEN");
    }

    private WebhookAlerts sink(Duration timeout) {
        return new WebhookAlerts(url(), "alpaca-paper", stateDir, List.of(SECRET), timeout);
    }

    @Test
    void postsOneJsonObjectWithEveryField() throws IOException {
        sink(Duration.ofSeconds(5)).send(Alert.of(AlertLevel.CRITICAL, AlertEvent.POSITION_WITHOUT_EXIT, "AAPL",
                "AAPL long 12 @ 231.40 has no take-profit order", AT));

        assertThat(bodies).hasSize(1);
        assertThat(contentTypes).containsExactly("application/json");
        JsonNode n = new ObjectMapper().readTree(bodies.get(0));
        assertThat(n.get("level").asText()).isEqualTo("critical");
        assertThat(n.get("event").asText()).isEqualTo("position_without_exit");
        assertThat(n.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(n.get("message").asText()).isEqualTo("AAPL long 12 @ 231.40 has no take-profit order");
        assertThat(n.get("at").asText()).isEqualTo("2026-12-03T14:31:05Z");
        assertThat(n.get("mode").asText()).isEqualTo("alpaca-paper");
        assertThat(n.get("state_dir").asText()).isEqualTo(stateDir.toAbsolutePath().normalize().toString());
        assertThat(n.size()).isEqualTo(7);
    }

    @Test
    void anAccountWideAlertHasANullSymbolAndSecretsAreMasked() throws IOException {
        sink(Duration.ofSeconds(5)).send(Alert.of(AlertLevel.WARNING, AlertEvent.STEP_FAILED, null,
                "cycle failed: HTTP 403 for key " + SECRET, AT));

        JsonNode n = new ObjectMapper().readTree(bodies.get(0));
        assertThat(n.get("symbol").isNull()).isTrue();
        assertThat(n.get("message").asText()).isEqualTo("cycle failed: HTTP 403 for key ***");
        assertThat(bodies.get(0)).doesNotContain(SECRET);
    }

    @Test
    void aNon2xxAnswerIsLoggedNotThrownAndTheUrlTokenIsNotLogged() {
        status = 500;
        sink(Duration.ofSeconds(5)).send(Alert.of(AlertLevel.WARNING, AlertEvent.ORDER_REJECTED, "MSFT", "rejected", AT));

        assertThat(bodies).hasSize(1);
        assertThat(logLines()).singleElement().asString()
                .contains("order_rejected", "HTTP 500", "127.0.0.1").doesNotContain("T0KEN");
    }

    @Test
    void aSlowReceiverTimesOutAndTheCallerGoesOn() {
        delayMs = 3_000;
        long t0 = System.nanoTime();
        sink(Duration.ofMillis(300)).send(Alert.of(AlertLevel.WARNING, AlertEvent.STEP_FAILED, null, "slow", AT));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(ms).isLessThan(2_500);
        assertThat(logLines()).singleElement().asString().contains("step_failed", "not delivered").doesNotContain("T0KEN");
    }

    @Test
    void aReceiverThatIsGoneIsLoggedNotThrown() {
        WebhookAlerts sink = sink(Duration.ofSeconds(2));
        server.stop(0);
        sink.send(Alert.of(AlertLevel.CRITICAL, AlertEvent.STEP_FAILED, null, "nobody listens", AT));

        assertThat(bodies).isEmpty();
        assertThat(logLines()).singleElement().asString().contains("not delivered");
    }

    @Test
    void theConfigKeyTurnsTheWebhookOnAndABadUrlNamesTheKey() {
        AlertSink off = Alerts.fromConfig(SextantConfig.load(null, List.of()), "paper", stateDir, java.util.Map.of());
        off.send(Alert.of(AlertLevel.INFO, AlertEvent.KILL_SWITCH_OFF, null, "no webhook configured", AT));
        assertThat(bodies).isEmpty();

        AlertSink on = Alerts.fromConfig(SextantConfig.load(null, List.of("alerts.webhook-url=" + url())), "paper",
                stateDir, java.util.Map.of("APCA_API_SECRET_KEY", SECRET));
        on.send(Alert.of(AlertLevel.INFO, AlertEvent.KILL_SWITCH_ON, null, "entries stopped; secret " + SECRET, AT));
        assertThat(bodies).singleElement().asString().contains("\"event\":\"kill_switch_on\"").doesNotContain(SECRET);

        assertThatThrownBy(() -> Alerts.fromConfig(SextantConfig.load(null, List.of("alerts.webhook-url=ftp://host/x")),
                "paper", stateDir, java.util.Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.webhook-url");
    }

    private List<String> logLines() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
