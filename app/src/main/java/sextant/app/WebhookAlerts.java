package sextant.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.alert.Alert;
import sextant.core.port.AlertSink;

/**
 * Posts each alert as one JSON object ({@code level, event, symbol, message, at, mode, state_dir}) to the webhook
 * of {@code alerts.webhook-url}. Delivery is best effort: one attempt with a timeout, and a failure (refused
 * connection, timeout, non-2xx answer) is logged, never thrown, so a dead receiver cannot stop trading or exits.
 *
 * <p>Secrets: the body carries no keys; any configured secret that a message happens to contain is masked, and the
 * webhook URL (which often is itself a secret token, e.g. Slack's) is never logged, only its host.
 */
final class WebhookAlerts implements AlertSink {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlerts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MASK = "***";

    private final URI url;
    private final String mode;
    private final Path stateDir;
    private final List<String> secrets;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param url      http or https webhook (checked by {@link #parseUrl})
     * @param mode     the trading mode every alert names, e.g. {@code paper} or {@code alpaca-live}
     * @param stateDir the state directory every alert names, so two accounts' alerts cannot be confused
     * @param secrets  values that must never leave the process (API keys); masked wherever they appear
     */
    WebhookAlerts(URI url, String mode, Path stateDir, List<String> secrets, Duration timeout) {
        this.url = url;
        this.mode = mode;
        this.stateDir = stateDir;
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The configured URL, or a ConfigException naming the key when it is not an absolute http(s) URL. */
    static URI parseUrl(String source, String raw) {
        try {
            URI u = new URI(raw.trim());
            if (u.getHost() == null || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                throw new ConfigException(source + ": alerts.webhook-url must be an absolute http:// or https:// URL"
                        + " (or empty to turn alerts off)");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(source + ": alerts.webhook-url is not a URL (" + e.getReason()
                    + "); give an http(s) URL or leave it empty");
        }
    }

    @Override
    public void send(Alert alert) {
        try {
            HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(alert))).build();
            HttpResponse<Void> res = http.send(req, HttpResponse.BodyHandlers.discarding());
            if (res.statusCode() / 100 != 2) {
                LOG.warn("alert {} not delivered: webhook at {} answered HTTP {}", alert.event().key(), url.getHost(),
                        res.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("alert {} not delivered: interrupted while posting to webhook at {}", alert.event().key(), url.getHost());
        } catch (Exception e) {
            // IOException, HttpTimeoutException, or anything else: logged, never thrown into the step.
            LOG.warn("alert {} not delivered to webhook at {}: {}", alert.event().key(), url.getHost(),
                    redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** The JSON body; package-private so a test can read exactly what is sent. */
    String body(Alert alert) {
        ObjectNode n = JSON.createObjectNode();
        n.put("level", alert.level().key());
        n.put("event", alert.event().key());
        if (alert.symbol().isPresent()) {
            n.put("symbol", alert.symbol().get());
        } else {
            n.putNull("symbol");
        }
        n.put("message", redact(alert.message()));
        n.put("at", alert.at().toString());
        n.put("mode", mode);
        n.put("state_dir", stateDir.toAbsolutePath().normalize().toString());
        return n.toString();
    }

    private String redact(String text) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
