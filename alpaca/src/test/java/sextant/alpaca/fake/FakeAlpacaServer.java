package sextant.alpaca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import sextant.core.market.BarSeries;
import sextant.testkit.Bars;

/**
 * A fake Alpaca (Trading API v2 + Market Data) on 127.0.0.1, ephemeral ports, for tests of this and other modules
 * (published as the {@code sextant-alpaca} test-jar).
 *
 * <p>It follows the documented endpoints and JSON field names (trading numbers as strings, RFC-3339 timestamps),
 * checks the APCA-API-KEY-ID / APCA-API-SECRET-KEY headers (401 otherwise), keeps orders and positions, serves
 * deterministic synthetic daily bars with paging, sends X-Ratelimit-* headers on every answer and enforces a
 * requests-per-minute limit (429), counts requests, and injects {@link Fault}s. Its trading stream ({@code /stream},
 * {@code trade_updates}: every new order, cancel and execution) listens on a port of its own ({@link #streamUrl()}),
 * since the JDK server cannot upgrade a connection to a websocket; {@link #streamAvailable(boolean)} takes it down.
 *
 * <pre>{@code
 * try (FakeAlpacaServer fake = FakeAlpacaServer.start()) {
 *     AlpacaConfig cfg = AlpacaConfig.fromEnv(fake.env());
 *     ...
 *     assertThat(fake.requestsInAnyMinuteMax()).isLessThan(200);
 * }
 * }</pre>
 */
public final class FakeAlpacaServer implements AutoCloseable {
    public static final String KEY_ID = "PKFAKE7Q2XKEYID00001";
    public static final String SECRET_KEY = "fAkEsEcReT-9d8c7b6a5f4e3d2c1b0a-SECRET";
    private static final ZoneId NY = ZoneId.of("America/New_York");

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle + delayed ACK add ~40 ms
        // to every answer. Read once by the JDK when the first HttpServer of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Clock clock;
    private final HttpServer trading;
    private final HttpServer data;
    private final FakeTradeStream stream;
    private final ExecutorService executor;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Bars from 2015 to 2031 per symbol and kind, generated once: the same symbol and day always give the same bar. */
    private final Map<String, BarSeries> bars = new ConcurrentHashMap<>();
    private final FakeCalendar calendar = new FakeCalendar();
    private final FakeBook book;
    private final List<Instant> requestTimes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, Double> priceOverrides = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> lastQuery = new ConcurrentHashMap<>();
    private volatile int rateLimitPerMinute = 200;
    private volatile int maxBarsPerPage = 10_000;
    private volatile int rateLimited;
    private volatile Instant marketTime;

    private FakeAlpacaServer(Clock clock) throws IOException {
        this.clock = clock;
        this.book = new FakeBook(clock, this::price);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-alpaca");
            t.setDaemon(true);
            return t;
        });
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        this.trading = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        this.data = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        trading.createContext("/", ex -> handle(ex, true));
        data.createContext("/", ex -> handle(ex, false));
        trading.setExecutor(executor);
        data.setExecutor(executor);
        trading.start();
        data.start();
        this.stream = new FakeTradeStream(KEY_ID, SECRET_KEY);
        book.onTradeUpdate(stream::broadcast);
    }

    /** Starts on two ephemeral ports (trading, data) with the system clock. */
    public static FakeAlpacaServer start() {
        return start(Clock.systemUTC());
    }

    /** Starts with the given clock: it stamps orders, decides which bars exist yet and drives the rate-limit window. */
    public static FakeAlpacaServer start(Clock clock) {
        try {
            return new FakeAlpacaServer(clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Alpaca server on 127.0.0.1", e);
        }
    }

    /** Trading API root, e.g. {@code http://127.0.0.1:40123} (paths add /v2/...). */
    public String baseUrl() {
        return "http://127.0.0.1:" + trading.getAddress().getPort();
    }

    /** Market data root, e.g. {@code http://127.0.0.1:40124}. */
    public String dataUrl() {
        return "http://127.0.0.1:" + data.getAddress().getPort();
    }

    /** The trading stream, e.g. {@code ws://127.0.0.1:40125/stream} (Alpaca serves it at /stream on the trading host). */
    public String streamUrl() {
        return "ws://127.0.0.1:" + stream.port() + "/stream";
    }

    /** APCA_* variables pointing at this server (trading, data and stream) with its keys, for {@code AlpacaConfig.fromEnv}. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("APCA_API_KEY_ID", KEY_ID);
        env.put("APCA_API_SECRET_KEY", SECRET_KEY);
        env.put("APCA_API_BASE_URL", baseUrl());
        env.put("APCA_API_DATA_URL", dataUrl());
        env.put("APCA_API_STREAM_URL", streamUrl());
        return env;
    }

    @Override
    public void close() {
        stream.close();
        trading.stop(0);
        data.stop(0);
        executor.shutdownNow();
    }

    // ---------------- request accounting ----------------

    /** The most requests (trading and data together, faulted and refused ones included) in any 60-second window. */
    public int requestsInAnyMinuteMax() {
        List<Instant> times;
        synchronized (requestTimes) {
            times = new ArrayList<>(requestTimes);
        }
        Collections.sort(times);
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < times.size(); hi++) {
            while (!times.get(lo).plus(Duration.ofMinutes(1)).isAfter(times.get(hi))) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    /** The market days GET /v2/calendar answers with: weekdays, unless a test closes or shortens some. */
    public FakeCalendar calendar() {
        return calendar;
    }

    public int totalRequests() {
        return requestTimes.size();
    }

    /** Requests whose "METHOD /path" starts with {@code methodAndPathPrefix}, e.g. {@code "POST /v2/orders"}. */
    public int requestCount(String methodAndPathPrefix) {
        synchronized (requestLog) {
            return (int) requestLog.stream().filter(s -> s.startsWith(methodAndPathPrefix)).count();
        }
    }

    /** Every request as "METHOD /path?query", in arrival order. */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return new ArrayList<>(requestLog);
        }
    }

    /** Query parameters of the latest request to {@code path}. */
    public Map<String, String> lastQuery(String path) {
        return lastQuery.getOrDefault(path, Map.of());
    }

    /** How many requests were answered 429 by the server's own limit (injected 429s not counted). */
    public int rateLimitedCount() {
        return rateLimited;
    }

    // ---------------- configuration and faults ----------------

    /** The server's own limit (default 200/min, like Alpaca); 0 turns enforcement off. */
    public void rateLimitPerMinute(int n) {
        this.rateLimitPerMinute = n;
    }

    /** Caps bars per page below the client's limit so that paging is exercised. */
    public void maxBarsPerPage(int n) {
        this.maxBarsPerPage = n;
    }

    public void inject(Fault fault) {
        synchronized (faults) {
            faults.add(fault);
        }
    }

    public void rateLimitNext(String method, String pathPrefix, int times, int resetInSeconds) {
        inject(new Fault(method, pathPrefix, Fault.Kind.RATE_LIMITED, times, Duration.ZERO, resetInSeconds));
    }

    public void serverErrorNext(String method, String pathPrefix, int times) {
        inject(Fault.of(method, pathPrefix, Fault.Kind.SERVER_ERROR, times));
    }

    public void slowNext(String method, String pathPrefix, int times, Duration delay) {
        inject(new Fault(method, pathPrefix, Fault.Kind.SLOW, times, delay, 1));
    }

    public void dropNext(String method, String pathPrefix, int times) {
        inject(Fault.of(method, pathPrefix, Fault.Kind.DROP, times));
    }

    /** The next order POSTs are accepted (the order exists) and then the connection is closed without an answer. */
    public void dropConnectionAfterNextOrderAccepted(int times) {
        inject(Fault.of("POST", "/v2/orders", Fault.Kind.DROP_AFTER, times));
    }

    /** The next order POSTs are accepted, then answered 500. */
    public void serverErrorAfterNextOrderAccepted(int times) {
        inject(Fault.of("POST", "/v2/orders", Fault.Kind.SERVER_ERROR_AFTER, times));
    }

    /** The next order POSTs are accepted, then answered only after {@code delay} (longer than the client's timeout). */
    public void slowAfterNextOrderAccepted(int times, Duration delay) {
        inject(new Fault("POST", "/v2/orders", Fault.Kind.SLOW_AFTER, times, delay, 1));
    }

    public int pendingFaults() {
        synchronized (faults) {
            return faults.stream().mapToInt(Fault::times).sum();
        }
    }

    /** Injected faults for {@code method} and exactly {@code pathPrefix} not yet used. */
    public int pendingFaults(String method, String pathPrefix) {
        synchronized (faults) {
            return faults.stream().filter(f -> f.method().equalsIgnoreCase(method) && f.pathPrefix().equals(pathPrefix))
                    .mapToInt(Fault::times).sum();
        }
    }

    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    // ---------------- trading stream ----------------

    /** Off: the stream drops every connection and refuses new ones (HTTP 503) until it is turned on again. */
    public void streamAvailable(boolean on) {
        stream.available(on);
    }

    /** Drops every stream connection without a close frame (a network fault); clients may reconnect at once. */
    public void dropStreamConnections() {
        stream.dropConnections();
    }

    /** When on, a client that starts listening first receives every trade update sent so far again (a redelivery). */
    public void replayStreamOnListen(boolean on) {
        stream.replayOnListen(on);
    }

    /** What the stream has seen so far: see {@link StreamStats}. */
    public StreamStats streamStats() {
        return stream.stats();
    }

    // ---------------- account state ----------------

    public List<FakeOrder> orders() {
        return book.orders();
    }

    public Optional<FakeOrder> orderByClientOrderId(String clientOrderId) {
        return book.byClientOrderId(clientOrderId);
    }

    /** Orders POSTed without a client_order_id (the client must always send one). */
    public int ordersWithoutClientOrderId() {
        return book.ordersWithoutClientOrderId();
    }

    /** Fills an open order completely at {@code price}, updating position and cash. */
    public void fillOrder(String orderId, double price) {
        book.fill(orderId, price);
    }

    /** When on, a limit order that is marketable against the current price fills at its limit on arrival. */
    public void autoFillMarketableLimits(boolean on) {
        book.setAutoFillMarketableLimits(on);
    }

    /** Fills {@code qty} more of an open order at {@code price} (a partial fill until all of it has filled). */
    public void fillOrderPart(String orderId, double qty, double price) {
        book.fillPart(orderId, qty, price);
    }

    /** When on, cancels are answered 204 but the order stays {@code pending_cancel} until {@link #confirmPendingCancels}. */
    public void pendingCancels(boolean on) {
        book.setPendingCancels(on);
    }

    public void confirmPendingCancels() {
        book.confirmPendingCancels();
    }

    /** Account type: {@code "1"} is a cash account; {@code shortingEnabled} is Alpaca's {@code shorting_enabled}. */
    public void margin(String multiplier, boolean shortingEnabled) {
        book.setMargin(multiplier, shortingEnabled);
    }

    /** Day trades in the last five sessions ({@code daytrade_count}); 4 or more flags the account as a pattern day trader. */
    public void daytradeCount(int n) {
        book.setDaytradeCount(n);
    }

    /** The asset is listed {@code easy_to_borrow: false}: no new shorts. */
    public void hardToBorrow(String symbol) {
        book.markHardToBorrow(symbol);
    }

    /** The session ended: open DAY orders expire. */
    public void expireDayOrders() {
        book.expireDayOrders();
    }

    /** The order fills at {@code price} just before its cancel arrives; the cancel is then answered 422. */
    public void fillOnCancel(String orderId, double price) {
        book.fillOnCancel(orderId, price);
    }

    /** An order placed outside Sextant (by hand, GTC): {@code type} limit, stop or market. */
    public FakeOrder placeManualOrder(String clientOrderId, String symbol, String side, String type, double qty,
                                      double limitPrice, double stopPrice) {
        return book.placeManual(clientOrderId, symbol, side, type, qty, limitPrice, stopPrice);
    }

    /** What GET /v2/clock and the calendar's "today" report: {@code null} follows the server's clock. */
    public void marketTime(Instant at) {
        this.marketTime = at;
    }

    public void setPosition(String symbol, double qty, double avgEntryPrice) {
        book.setPosition(symbol, qty, avgEntryPrice);
    }

    public double positionQty(String symbol) {
        return book.positionQty(symbol);
    }

    public void setCash(double cash) {
        book.setCash(cash);
    }

    public double cash() {
        return book.cash();
    }

    /** Current price used for market fills, positions and quotes; default: the latest synthetic close. */
    public void setPrice(String symbol, double price) {
        priceOverrides.put(FakeBook.normalize(symbol), price);
    }

    public void setCryptoPriceIncrement(String symbol, String increment) {
        book.setCryptoPriceIncrement(symbol, increment);
    }

    /** The asset endpoints answer 404 for this symbol and orders for it are refused. */
    public void unknownAsset(String symbol) {
        book.markUnknown(symbol);
    }

    public void nonFractionable(String symbol) {
        book.markNonFractionable(symbol);
    }

    /** Synthetic close of {@code symbol} on the latest bar at or before now. */
    public double price(String normalizedSymbol) {
        Double o = priceOverrides.get(normalizedSymbol);
        if (o != null) {
            return o;
        }
        boolean crypto = FakeBook.isCrypto(normalizedSymbol);
        LocalDate today = clock.instant().atZone(crypto ? ZoneOffset.UTC : NY).toLocalDate();
        BarSeries b = bars(normalizedSymbol, crypto);
        double last = Double.NaN;
        for (int i = 0; i < b.size() && !b.date(i).isAfter(today); i++) {
            last = b.close()[i];
        }
        return last;
    }

    private BarSeries bars(String symbol, boolean crypto) {
        return bars.computeIfAbsent(symbol + (crypto ? "#c" : "#s"),
                k -> Bars.sessions(symbol, crypto, LocalDate.of(2015, 1, 1), LocalDate.of(2031, 12, 31)));
    }

    // ---------------- HTTP plumbing ----------------

    private void handle(HttpExchange ex, boolean isTrading) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            String path = ex.getRequestURI().getRawPath();
            String rawQuery = ex.getRequestURI().getRawQuery();
            Instant now = clock.instant();
            if (path.equals("/stream")) {
                // The stream has a port of its own. A websocket attempt here is a client of an earlier fake whose port
                // this one reused, reconnecting: no API request of this account, so it is not counted.
                send(ex, new FakeBook.Answer(404, "{\"code\":40410000,\"message\":\"endpoint not found\"}"));
                return;
            }
            requestTimes.add(now);
            requestLog.add(method + " " + path + (rawQuery == null ? "" : "?" + rawQuery));
            Map<String, String> query = parseQuery(rawQuery);
            lastQuery.put(path, query);
            byte[] body = ex.getRequestBody().readAllBytes();
            Fault fault = takeFault(method, path);
            if (fault != null) {
                switch (fault.kind()) {
                    case RATE_LIMITED -> {
                        ex.getResponseHeaders().set("X-Ratelimit-Limit", Integer.toString(rateLimitPerMinute));
                        ex.getResponseHeaders().set("X-Ratelimit-Remaining", "0");
                        ex.getResponseHeaders().set("X-Ratelimit-Reset",
                                Long.toString(now.getEpochSecond() + fault.resetSeconds()));
                        send(ex, new FakeBook.Answer(429, "{\"code\":42910000,\"message\":\"too many requests\"}"));
                        return;
                    }
                    case SERVER_ERROR -> {
                        send(ex, new FakeBook.Answer(500, "{\"code\":50010000,\"message\":\"internal server error occurred\"}"));
                        return;
                    }
                    case DROP -> {
                        return; // closing the exchange without headers closes the connection
                    }
                    case ECHO_KEYS -> {
                        send(ex, new FakeBook.Answer(500, "{\"message\":\"bad key " + ex.getRequestHeaders().getFirst("APCA-API-KEY-ID")
                                + " / " + ex.getRequestHeaders().getFirst("APCA-API-SECRET-KEY") + "\"}"));
                        return;
                    }
                    case SLOW -> sleep(fault.delay());
                    default -> {
                        // "after" faults are applied below
                    }
                }
            }
            if (!KEY_ID.equals(ex.getRequestHeaders().getFirst("APCA-API-KEY-ID"))
                    || !SECRET_KEY.equals(ex.getRequestHeaders().getFirst("APCA-API-SECRET-KEY"))) {
                send(ex, new FakeBook.Answer(401, "{\"code\":40110000,\"message\":\"request is not authorized\"}"));
                return;
            }
            int inWindow = countInWindow(now);
            int limit = rateLimitPerMinute;
            if (limit > 0) {
                Instant reset = resetAt(now);
                ex.getResponseHeaders().set("X-Ratelimit-Limit", Integer.toString(limit));
                ex.getResponseHeaders().set("X-Ratelimit-Remaining", Integer.toString(Math.max(0, limit - inWindow)));
                ex.getResponseHeaders().set("X-Ratelimit-Reset", Long.toString(reset.getEpochSecond() + 1));
                if (inWindow > limit) {
                    rateLimited++;
                    send(ex, new FakeBook.Answer(429, "{\"code\":42910000,\"message\":\"rate limit exceeded\"}"));
                    return;
                }
            }
            FakeBook.Answer answer;
            try {
                answer = isTrading ? routeTrading(method, path, query, body) : routeData(method, path, query);
            } catch (RuntimeException e) {
                answer = book.error(500, 50010000, "fake server bug: " + e);
            }
            if (fault != null) {
                switch (fault.kind()) {
                    case DROP_AFTER -> {
                        return;
                    }
                    case SERVER_ERROR_AFTER -> {
                        send(ex, new FakeBook.Answer(500, "{\"code\":50010000,\"message\":\"internal server error occurred\"}"));
                        return;
                    }
                    case SLOW_AFTER -> sleep(fault.delay());
                    default -> {
                    }
                }
            }
            send(ex, answer);
        } catch (IOException e) {
            // the client went away (it timed out); nothing to do
        }
    }

    private Fault takeFault(String method, String path) {
        synchronized (faults) {
            for (int i = 0; i < faults.size(); i++) {
                Fault f = faults.get(i);
                if (f.matches(method, path)) {
                    if (f.times() <= 1) {
                        faults.remove(i);
                    } else {
                        faults.set(i, new Fault(f.method(), f.pathPrefix(), f.kind(), f.times() - 1, f.delay(), f.resetSeconds()));
                    }
                    return f;
                }
            }
            return null;
        }
    }

    private int countInWindow(Instant now) {
        Instant from = now.minus(Duration.ofMinutes(1));
        synchronized (requestTimes) {
            return (int) requestTimes.stream().filter(t -> t.isAfter(from) && !t.isAfter(now)).count();
        }
    }

    private Instant resetAt(Instant now) {
        Instant from = now.minus(Duration.ofMinutes(1));
        synchronized (requestTimes) {
            return requestTimes.stream().filter(t -> t.isAfter(from)).min(Instant::compareTo).orElse(now)
                    .plus(Duration.ofMinutes(1));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, FakeBook.Answer a) throws IOException {
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private JsonNode parse(byte[] body) {
        try {
            return mapper.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------- trading routes ----------------

    private FakeBook.Answer routeTrading(String method, String path, Map<String, String> q, byte[] body) {
        String seg = path.startsWith("/v2/") ? path.substring(4) : null;
        if (seg == null) {
            return book.error(404, 40410000, "endpoint not found");
        }
        String[] parts = seg.split("/", -1);
        String head = parts[0];
        String arg = parts.length > 1 ? URLDecoder.decode(String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length)),
                StandardCharsets.UTF_8) : null;
        switch (method + " " + head + (arg == null ? "" : "/*")) {
            case "GET account":
                return book.account();
            case "GET account/*":
                if (!arg.equals("activities/FILL")) {
                    return book.error(404, 40410000, "endpoint not found: " + path);
                }
                return book.fillActivities(q.containsKey("after") ? java.time.OffsetDateTime.parse(q.get("after")).toInstant() : null,
                        "asc".equals(q.get("direction")), Integer.parseInt(q.getOrDefault("page_size", "100")),
                        q.get("page_token"));
            case "GET positions":
                return book.positions();
            case "GET positions/*":
                return book.position(arg);
            case "DELETE positions/*":
                return book.closePosition(arg);
            case "GET clock":
                return clockAnswer();
            case "GET calendar":
                return calendarAnswer(q);
            case "GET assets":
                return book.assets(q.getOrDefault("asset_class", "us_equity"));
            case "GET assets/*":
                return book.asset(arg);
            case "POST orders": {
                JsonNode n = parse(body);
                return n == null ? book.error(400, 40010000, "request body format is invalid") : book.submit(n);
            }
            case "GET orders":
                return book.list(q.getOrDefault("status", "open"), Integer.parseInt(q.getOrDefault("limit", "50")));
            case "GET orders:by_client_order_id":
                return book.orderByClientOrderId(q.get("client_order_id"));
            case "GET orders/*":
                return book.order(arg);
            case "DELETE orders/*":
                return book.cancel(arg);
            case "PATCH orders/*": {
                JsonNode n = parse(body);
                return n == null ? book.error(400, 40010000, "request body format is invalid") : book.replace(arg, n);
            }
            default:
                return book.error(404, 40410000, "endpoint not found: " + method + " " + path);
        }
    }

    private FakeBook.Answer clockAnswer() {
        ZonedDateTime now = (marketTime != null ? marketTime : clock.instant()).atZone(NY);
        boolean weekday = now.getDayOfWeek().getValue() <= 5;
        LocalTime t = now.toLocalTime();
        boolean open = weekday && !t.isBefore(LocalTime.of(9, 30)) && t.isBefore(LocalTime.of(16, 0));
        LocalDate d = now.toLocalDate();
        LocalDate openDay = (weekday && t.isBefore(LocalTime.of(9, 30))) ? d : nextWeekday(d);
        LocalDate closeDay = (weekday && t.isBefore(LocalTime.of(16, 0))) ? d : nextWeekday(d);
        ObjectNode n = mapper.createObjectNode();
        n.put("timestamp", now.toOffsetDateTime().toString());
        n.put("is_open", open);
        n.put("next_open", openDay.atTime(9, 30).atZone(NY).toOffsetDateTime().toString());
        n.put("next_close", closeDay.atTime(16, 0).atZone(NY).toOffsetDateTime().toString());
        return new FakeBook.Answer(200, n.toString());
    }

    private static LocalDate nextWeekday(LocalDate d) {
        LocalDate n = d.plusDays(1);
        while (n.getDayOfWeek().getValue() > 5) {
            n = n.plusDays(1);
        }
        return n;
    }

    private FakeBook.Answer calendarAnswer(Map<String, String> q) {
        LocalDate start = LocalDate.parse(q.getOrDefault("start", LocalDate.now(clock).toString()));
        LocalDate end = LocalDate.parse(q.getOrDefault("end", start.toString()));
        return calendar.answer(mapper, start, end);
    }

    // ---------------- market data routes ----------------

    private FakeBook.Answer routeData(String method, String path, Map<String, String> q) {
        if (!method.equals("GET")) {
            return book.error(405, 40510000, "method not allowed");
        }
        switch (path) {
            case "/v2/stocks/bars":
                return barsAnswer(q, false);
            case "/v1beta3/crypto/us/bars":
                return barsAnswer(q, true);
            case "/v2/stocks/quotes/latest":
                return quotesAnswer(q, false);
            case "/v1beta3/crypto/us/latest/quotes":
                return quotesAnswer(q, true);
            default:
                return book.error(404, 40410000, "endpoint not found: " + path);
        }
    }

    private List<String> symbols(Map<String, String> q, boolean crypto, List<String> problems) {
        String raw = q.get("symbols");
        if (raw == null || raw.isBlank()) {
            problems.add("missing symbols");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : raw.split(",")) {
            if (crypto != s.contains("/")) {
                problems.add("invalid symbol: " + s);
            }
            out.add(s);
        }
        return out;
    }

    private FakeBook.Answer barsAnswer(Map<String, String> q, boolean crypto) {
        List<String> problems = new ArrayList<>();
        List<String> syms = new ArrayList<>(new TreeSet<>(symbols(q, crypto, problems)));
        if (!"1Day".equals(q.get("timeframe"))) {
            problems.add("the fake serves timeframe=1Day only");
        }
        if (!problems.isEmpty()) {
            return book.error(400, 40010001, String.join("; ", problems));
        }
        Instant start = q.containsKey("start") ? Instant.parse(q.get("start")) : Instant.EPOCH;
        Instant end = q.containsKey("end") ? Instant.parse(q.get("end")) : clock.instant();
        if (end.isAfter(clock.instant())) {
            end = clock.instant();
        }
        int limit = Math.min(Integer.parseInt(q.getOrDefault("limit", "1000")), Math.min(10_000, maxBarsPerPage));
        int fromSym = 0;
        LocalDate fromDay = null;
        if (q.containsKey("page_token")) {
            String[] t = new String(Base64.getUrlDecoder().decode(q.get("page_token")), StandardCharsets.UTF_8).split("\\|");
            fromSym = Integer.parseInt(t[0]);
            fromDay = LocalDate.parse(t[1]);
        }
        ObjectNode root = mapper.createObjectNode();
        ObjectNode barsNode = root.putObject("bars");
        int emitted = 0;
        String token = null;
        outer:
        for (int si = fromSym; si < syms.size(); si++) {
            String sym = syms.get(si);
            BarSeries b = bars(sym, crypto);
            for (int i = 0; i < b.size(); i++) {
                LocalDate day = b.date(i);
                Instant t = day.atStartOfDay(crypto ? ZoneOffset.UTC : NY).toInstant();
                if (t.isBefore(start) || t.isAfter(end)) {
                    continue;
                }
                if (si == fromSym && fromDay != null && day.isBefore(fromDay)) {
                    continue;
                }
                if (emitted == limit) {
                    token = Base64.getUrlEncoder().withoutPadding()
                            .encodeToString((si + "|" + day).getBytes(StandardCharsets.UTF_8));
                    break outer;
                }
                ArrayNode arr = barsNode.has(sym) ? (ArrayNode) barsNode.get(sym) : barsNode.putArray(sym);
                ObjectNode n = arr.addObject();
                n.put("t", t.toString());
                n.put("o", b.open()[i]);
                n.put("h", b.high()[i]);
                n.put("l", b.low()[i]);
                n.put("c", b.close()[i]);
                n.put("v", b.volume()[i]);
                n.put("n", (long) (b.volume()[i] / 100));
                n.put("vw", Math.round((b.high()[i] + b.low()[i] + b.close()[i]) / 3 * 100) / 100.0);
                emitted++;
            }
        }
        if (token == null) {
            root.putNull("next_page_token");
        } else {
            root.put("next_page_token", token);
        }
        return new FakeBook.Answer(200, root.toString());
    }

    private FakeBook.Answer quotesAnswer(Map<String, String> q, boolean crypto) {
        List<String> problems = new ArrayList<>();
        List<String> syms = symbols(q, crypto, problems);
        if (!problems.isEmpty()) {
            return book.error(400, 40010001, String.join("; ", problems));
        }
        ObjectNode root = mapper.createObjectNode();
        ObjectNode quotes = root.putObject("quotes");
        for (String s : syms) {
            double p = price(FakeBook.normalize(s));
            if (Double.isNaN(p)) {
                continue;
            }
            ObjectNode n = quotes.putObject(s);
            n.put("t", clock.instant().toString());
            n.put("bp", Math.round(p * 0.9995 * 100) / 100.0);
            n.put("bs", 3);
            n.put("ap", Math.round(p * 1.0005 * 100) / 100.0);
            n.put("as", 2);
            if (!crypto) {
                n.put("bx", "V");
                n.put("ax", "V");
            }
        }
        return new FakeBook.Answer(200, root.toString());
    }

}
