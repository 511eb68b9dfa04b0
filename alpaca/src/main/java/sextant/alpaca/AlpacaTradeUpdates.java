package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's trading stream: a websocket to {@code /stream} on the trading host ({@link AlpacaConfig#streamUrl()}) that
 * authenticates ({@code {"action":"auth","key":…,"secret":…}}), listens to {@code trade_updates}, and hands every
 * {@code fill} and {@code partial_fill} event to its sink as an {@link Execution}. Text and binary frames are both read
 * (the paper endpoint sends binary). A dropped or refused connection is retried with jittered exponential back-off;
 * keys Alpaca refuses are retried only at the longest interval. While it is not {@link State#LISTENING} nothing
 * arrives, and {@link #listeningSince()} says from when the current connection has delivered everything, so the
 * broker knows when to poll instead.
 *
 * <p>The keys are written only into the authentication message; nothing here logs a message's content.
 */
public final class AlpacaTradeUpdates implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaTradeUpdates.class);

    /** Where the connection stands. */
    public enum State { CONNECTING, AUTHENTICATING, LISTENING, DOWN, CLOSED }

    private final URI uri;
    private final String keyId;
    private final String secretKey;
    private final Secrets secrets;
    /** Where each execution goes (the broker's feed); called on the websocket's thread. */
    private final Consumer<Execution> sink;
    /** Stamps {@link #listeningSince()}. */
    private final Clock clock;
    private final Duration connectTimeout;
    /** Reconnect back-off: the first wait, doubled after each failure up to the longest. */
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final HttpClient http = HttpClient.newBuilder().build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(AlpacaTradeUpdates::daemon);
    private final ObjectMapper mapper = new ObjectMapper();
    private final Random jitter = new Random();
    private final AtomicInteger connects = new AtomicInteger();
    private State state = State.DOWN;
    private Optional<Instant> listeningSince = Optional.empty();
    private Optional<WebSocket> socket = Optional.empty();
    private int generation;
    private Duration backoff;
    private boolean warnedDown;

    AlpacaTradeUpdates(AlpacaConfig config, Consumer<Execution> sink, Clock clock, Duration firstBackoff,
                       Duration maxBackoff) {
        this.uri = config.streamUrl();
        this.keyId = config.keyId();
        this.secretKey = config.secretKey();
        this.secrets = config.secrets();
        this.sink = sink;
        this.clock = clock;
        this.connectTimeout = config.connectTimeout();
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = firstBackoff;
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "alpaca-trade-updates");
        t.setDaemon(true);
        return t;
    }

    /** Connects in the background (the first attempt at once) and keeps reconnecting until {@link #close()}. */
    void start() {
        scheduler.execute(this::connect);
    }

    public synchronized State state() {
        return state;
    }

    /** When the current connection began listening to trade_updates; empty while it is not listening. */
    public synchronized Optional<Instant> listeningSince() {
        return listeningSince;
    }

    /** Connection attempts so far (reconnects included). */
    public int connects() {
        return connects.get();
    }

    @Override
    public void close() {
        Optional<WebSocket> ws;
        synchronized (this) {
            state = State.CLOSED;
            generation++;
            listeningSince = Optional.empty();
            ws = socket;
            socket = Optional.empty();
        }
        ws.ifPresent(WebSocket::abort);
        scheduler.shutdownNow();
    }

    private void connect() {
        int gen;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            gen = ++generation;
            state = State.CONNECTING;
        }
        connects.incrementAndGet();
        CompletableFuture<WebSocket> f;
        try {
            f = http.newWebSocketBuilder().connectTimeout(connectTimeout).buildAsync(uri, new Listener(gen));
        } catch (RuntimeException e) {
            down(gen, describe(e), false);
            return;
        }
        var unused = f.whenComplete((ws, err) -> {
            if (err != null) {
                down(gen, "cannot connect: " + describe(err), false);
            }
        });
    }

    /** The connection {@code gen} is gone: the next attempt is scheduled (once per connection). */
    private void down(int gen, String why, boolean keysRefused) {
        Optional<WebSocket> ws;
        Duration delay;
        boolean first;
        synchronized (this) {
            if (gen != generation || state == State.CLOSED) {
                return;
            }
            generation++;
            state = State.DOWN;
            listeningSince = Optional.empty();
            ws = socket;
            socket = Optional.empty();
            delay = keysRefused ? maxBackoff : backoff;
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            first = !warnedDown;
            warnedDown = true;
        }
        ws.ifPresent(WebSocket::abort);
        long millis = Math.max(1, (long) (delay.toMillis() * (0.8 + 0.4 * jitter.nextDouble())));
        String text = secrets.redact("Alpaca trade stream " + uri + " is down (" + why + "); fills are polled until it is back;"
                + " reconnecting in " + millis + " ms");
        if (first || keysRefused) {
            LOG.warn(text);
        } else {
            LOG.debug(text);
        }
        try {
            var unused = scheduler.schedule(this::connect, millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private synchronized boolean current(int gen) {
        return gen == generation && state != State.CLOSED;
    }

    private void handle(int gen, WebSocket ws, String text) {
        JsonNode n;
        try {
            n = mapper.readTree(text);
        } catch (IOException e) {
            LOG.debug("Alpaca trade stream sent a message that is not JSON; ignored");
            return;
        }
        JsonNode data = n.path("data");
        switch (n.path("stream").asText("")) {
            case "authorization" -> {
                if ("authorized".equals(data.path("status").asText(""))) {
                    ObjectNode listen = mapper.createObjectNode();
                    listen.put("action", "listen");
                    listen.putObject("data").putArray("streams").add("trade_updates");
                    var unused = ws.sendText(listen.toString(), true);
                } else {
                    down(gen, "Alpaca refused the API keys on the stream (" + AlpacaConfig.ENV_KEY_ID + "/"
                            + AlpacaConfig.ENV_SECRET_KEY + ")", true);
                }
            }
            case "listening" -> {
                boolean trade = false;
                for (JsonNode s : data.path("streams")) {
                    trade |= s.asText().equals("trade_updates");
                }
                if (!trade) {
                    down(gen, "Alpaca did not grant the trade_updates stream", true);
                    return;
                }
                synchronized (this) {
                    if (gen != generation || state == State.CLOSED) {
                        return;
                    }
                    state = State.LISTENING;
                    listeningSince = Optional.of(clock.instant());
                    backoff = firstBackoff;
                    warnedDown = false;
                }
                LOG.info("Alpaca trade stream listening to trade_updates at {}", uri);
            }
            case "trade_updates" -> {
                try {
                    Execution.fromTradeUpdate(data, clock.instant()).ifPresent(sink);
                } catch (RuntimeException e) {
                    LOG.warn("Alpaca trade stream: an update could not be read ({}); polling will find the fill",
                            e.getClass().getSimpleName());
                }
            }
            default -> LOG.debug("Alpaca trade stream: message on stream '{}' ignored", n.path("stream").asText(""));
        }
    }

    private String describe(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return secrets.redact(c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
    }

    private final class Listener implements WebSocket.Listener {
        private final int gen;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket ws) {
            synchronized (AlpacaTradeUpdates.this) {
                if (gen != generation || state == State.CLOSED) {
                    ws.abort();
                    return;
                }
                socket = Optional.of(ws);
                state = State.AUTHENTICATING;
            }
            ObjectNode auth = mapper.createObjectNode();
            auth.put("action", "auth");
            auth.put("key", keyId);
            auth.put("secret", secretKey);
            var unused = ws.sendText(auth.toString(), true);
            ws.request(1);
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            return part(ws, last, () -> {
                String message = text.toString();
                text.setLength(0);
                return message;
            });
        }

        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            bytes.write(chunk, 0, chunk.length);
            return part(ws, last, () -> {
                String message = bytes.toString(StandardCharsets.UTF_8);
                bytes.reset();
                return message;
            });
        }

        /** One frame of a message arrived; the whole message is handled with its last frame. */
        private @Nullable CompletionStage<?> part(WebSocket ws, boolean last, java.util.function.Supplier<String> whole) {
            if (last) {
                String message = whole.get();
                if (current(gen)) {
                    handle(gen, ws, message);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            down(gen, "closed with status " + statusCode, false);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            down(gen, describe(error), false);
        }
    }
}
