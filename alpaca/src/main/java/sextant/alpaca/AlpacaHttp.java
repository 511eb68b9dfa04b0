package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that sends HTTP to Alpaca: adds the key headers, waits on the rate limiter before every try,
 * obeys 429 and the X-Ratelimit-* headers, and retries idempotent calls on 5xx and timeouts with jittered
 * exponential back-off. Non-idempotent calls (order submit, replace) are sent once; the caller decides what a
 * fault means (see {@link AlpacaTradingClient#submitOrder}).
 */
final class AlpacaHttp {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaHttp.class);
    /** Never wait longer than this for a server-announced reset: Alpaca windows are one minute. */
    private static final Duration MAX_RESET_WAIT = Duration.ofSeconds(65);

    enum Api { TRADING, DATA }

    /** A response with a status below 500 (or any status for a call sent once). */
    record Result(String what, int status, String body, HttpHeaders headers) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final AlpacaConfig config;
    private final HttpClient client;
    private final RateLimiter limiter;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;
    private final Secrets secrets;
    private final ObjectMapper mapper = new ObjectMapper();

    AlpacaHttp(AlpacaConfig config, Clock clock, Sleeper sleeper, Random random) {
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.secrets = config.secrets();
        this.limiter = new RateLimiter(config.requestsPerMinute(), clock, sleeper);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect must never carry the key headers elsewhere
                .build();
    }

    /** The production client: system clock, real sleeping, unpredictable retry jitter. Sends nothing yet. */
    static AlpacaHttp system(AlpacaConfig config) {
        return new AlpacaHttp(config, Clock.systemUTC(), Sleeper.SYSTEM, new SecureRandom());
    }

    /** With an injected clock and sleeper (tests: no real waiting) and seeded, repeatable jitter. */
    static AlpacaHttp seeded(AlpacaConfig config, Clock clock, Sleeper sleeper, long jitterSeed) {
        return new AlpacaHttp(config, clock, sleeper, new Random(jitterSeed));
    }

    AlpacaConfig config() {
        return config;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    Secrets secrets() {
        return secrets;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Clock clock() {
        return clock;
    }

    Result get(Api api, String path, Map<String, String> query) {
        return call("GET", api, path, query, null, true);
    }

    /** DELETE is idempotent at Alpaca (cancelling twice, or closing a closed position, changes nothing more). */
    Result delete(String path) {
        return call("DELETE", Api.TRADING, path, Map.of(), null, true);
    }

    /** Sent once: no retry on 5xx or timeout (429 is retried, because Alpaca did not act on the request). */
    Result sendOnce(String method, String path, @Nullable String jsonBody) {
        return call(method, Api.TRADING, path, Map.of(), jsonBody, false);
    }

    JsonNode json(Result r) {
        try {
            return mapper.readTree(r.body().isEmpty() ? "null" : r.body());
        } catch (IOException e) {
            throw new AlpacaApiException(r.what() + ": HTTP " + r.status() + " with a body that is not JSON: "
                    + snippet(r.body()), r.status(), 0);
        }
    }

    /** An error for a non-2xx answer, with Alpaca's own message (redacted, shortened). */
    AlpacaApiException error(Result r, @Nullable String context) {
        long code = 0;
        String message = snippet(r.body());
        try {
            JsonNode n = mapper.readTree(r.body());
            if (n != null && n.hasNonNull("message")) {
                message = snippet(n.get("message").asText());
                code = n.path("code").asLong(0);
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: keep the raw snippet
        }
        String text = secrets.redact((context == null ? "" : context + ": ") + r.what() + " -> HTTP " + r.status()
                + (message.isEmpty() ? "" : " (" + message + ")"));
        if (r.status() == 401) {
            return new AlpacaAuthException(text, r.status());
        }
        return new AlpacaApiException(text, r.status(), code);
    }

    private Result call(String method, Api api, String path, Map<String, String> query, @Nullable String body,
                        boolean idempotent) {
        URI uri = uri(api, path, query);
        String what = method + " " + path;
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("APCA-API-KEY-ID", config.keyId())
                .header("APCA-API-SECRET-KEY", config.secretKey())
                .header("Accept", "application/json")
                .header("User-Agent", "sextant-alpaca");
        if (body != null) {
            rb.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            rb.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = rb.build();
        RetryPolicy policy = config.retryPolicy();
        Instant start = clock.instant();
        int attempt = 0;
        try {
            while (true) {
                attempt++;
                limiter.acquire();
                HttpResponse<String> resp;
                long t0 = System.nanoTime();
                try {
                    resp = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    String why = describe(e);
                    Duration wait = policy.delayAfter(attempt, random);
                    if (idempotent && mayRetry(policy, attempt, start, wait)) {
                        LOG.warn("{}: {}; retry {}/{} in {} ms", what, why, attempt + 1, policy.maxAttempts(), wait.toMillis());
                        sleeper.sleep(wait);
                        continue;
                    }
                    throw new AlpacaTransportException(secrets.redact(what + ": " + why
                            + (idempotent ? " (gave up after " + attempt + " tries)" : "")));
                }
                int status = resp.statusCode();
                LOG.debug("{} -> {} in {} ms", what, status, (System.nanoTime() - t0) / 1_000_000);
                noteRateHeaders(resp.headers());
                Result result = new Result(what, status, resp.body() == null ? "" : resp.body(), resp.headers());
                if (status == 429) {
                    Instant until = resetInstant(resp.headers()).orElse(clock.instant().plus(policy.delayAfter(attempt, random)));
                    Duration wait = Duration.between(clock.instant(), until);
                    if (wait.isNegative()) {
                        wait = Duration.ZERO;
                    }
                    if (mayRetry(policy, attempt, start, wait)) {
                        LOG.warn("{}: rate limited (HTTP 429); waiting {} ms for the window to reset", what, wait.toMillis());
                        limiter.pauseUntil(until);
                        continue;
                    }
                    throw error(result, "rate limit still exceeded after " + attempt + " tries");
                }
                if (status == 401) {
                    throw error(result, "Alpaca rejected the API keys; check " + AlpacaConfig.ENV_KEY_ID + "/"
                            + AlpacaConfig.ENV_SECRET_KEY + " and that paper keys go with the paper URL");
                }
                if (status >= 500 && idempotent) {
                    Duration wait = policy.delayAfter(attempt, random);
                    if (mayRetry(policy, attempt, start, wait)) {
                        LOG.warn("{}: HTTP {}; retry {}/{} in {} ms", what, status, attempt + 1, policy.maxAttempts(), wait.toMillis());
                        sleeper.sleep(wait);
                        continue;
                    }
                    throw error(result, "server error after " + attempt + " tries");
                }
                return result;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlpacaTransportException(what + ": interrupted");
        }
    }

    private boolean mayRetry(RetryPolicy policy, int attempt, Instant start, Duration wait) {
        if (attempt >= policy.maxAttempts()) {
            return false;
        }
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.plus(wait).compareTo(policy.maxTotal()) <= 0;
    }

    /** When the server says none are left, hold every further request until its reset time. */
    private void noteRateHeaders(HttpHeaders h) {
        Optional<String> remaining = h.firstValue("X-Ratelimit-Remaining");
        if (remaining.isPresent()) {
            try {
                if (Long.parseLong(remaining.get().strip()) <= 0) {
                    resetInstant(h).ifPresent(limiter::pauseUntil);
                }
            } catch (NumberFormatException ignored) {
                // a malformed header is ignored; the client-side limit still applies
            }
        }
    }

    private Optional<Instant> resetInstant(HttpHeaders h) {
        Optional<String> reset = h.firstValue("X-Ratelimit-Reset");
        if (reset.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
            Instant cap = clock.instant().plus(MAX_RESET_WAIT);
            return Optional.of(at.isAfter(cap) ? cap : at);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private URI uri(Api api, String path, Map<String, String> query) {
        URI base = api == Api.TRADING ? config.tradingUrl() : config.dataUrl();
        StringBuilder sb = new StringBuilder(base.toString()).append(path);
        if (!query.isEmpty()) {
            StringJoiner q = new StringJoiner("&", "?", "");
            query.forEach((k, v) -> q.add(enc(k) + "=" + enc(v)));
            sb.append(q);
        }
        return URI.create(sb.toString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        String m = e.getMessage();
        return "connection failed (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ")";
    }

    private static String snippet(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
