package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.market.Instrument;

/**
 * Thin client of the Alpaca Trading API v2 (account, positions, clock, calendar, assets, orders).
 *
 * <p>Reads are retried on faults (see {@link AlpacaHttp}). Order submission is never retried blindly: after a
 * timeout, a dropped connection or a 5xx, the order is looked up by its client order id and resubmitted only when
 * Alpaca says it does not exist. A "client_order_id must be unique" answer means it does exist; it is fetched and
 * returned.
 */
public final class AlpacaTradingClient {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaTradingClient.class);
    private final AlpacaHttp http;

    AlpacaTradingClient(AlpacaHttp http) {
        this.http = http;
    }

    /** A client with the system clock, real sleeping and its own rate limiter. Nothing is sent yet. */
    public static AlpacaTradingClient create(AlpacaConfig config) {
        return new AlpacaTradingClient(AlpacaHttp.system(config));
    }

    /** A client with an injected clock and sleeper (tests: no real waiting) and a seeded jitter. */
    public static AlpacaTradingClient create(AlpacaConfig config, Clock clock, Sleeper sleeper, long jitterSeed) {
        return new AlpacaTradingClient(AlpacaHttp.seeded(config, clock, sleeper, jitterSeed));
    }

    AlpacaHttp http() {
        return http;
    }

    public AlpacaAccount account() {
        return AlpacaAccount.from(okJson(http.get(AlpacaHttp.Api.TRADING, "/v2/account", Map.of()), null));
    }

    public List<AlpacaPosition> positions() {
        return list(okJson(http.get(AlpacaHttp.Api.TRADING, "/v2/positions", Map.of()), null), AlpacaPosition::from);
    }

    /** The open position in one instrument, or empty when there is none (HTTP 404). */
    public Optional<AlpacaPosition> position(Instrument instrument) {
        return byInstrument("/v2/positions/", instrument, AlpacaPosition::from);
    }

    public AlpacaClock clock() {
        return AlpacaClock.from(okJson(http.get(AlpacaHttp.Api.TRADING, "/v2/clock", Map.of()), null));
    }

    public List<AlpacaCalendarDay> calendar(LocalDate start, LocalDate end) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("start", start.toString());
        q.put("end", end.toString());
        return list(okJson(http.get(AlpacaHttp.Api.TRADING, "/v2/calendar", q), null), AlpacaCalendarDay::from);
    }

    /** One asset (tradable, fractionable, increments), or empty when Alpaca does not know the symbol. */
    public Optional<AlpacaAsset> asset(Instrument instrument) {
        return byInstrument("/v2/assets/", instrument, AlpacaAsset::from);
    }

    /** GET {@code prefix} + the instrument's path segment; empty on 404 (Alpaca has none). */
    private <T> Optional<T> byInstrument(String prefix, Instrument instrument, Function<JsonNode, T> from) {
        AlpacaHttp.Result r = http.get(AlpacaHttp.Api.TRADING, prefix + AlpacaHttp.enc(AlpacaSymbols.pathSegment(instrument)),
                Map.of());
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(from.apply(okJson(r, instrument.symbol())));
    }

    /** Active assets of one class: {@code us_equity} or {@code crypto}. */
    public List<AlpacaAsset> assets(String assetClass) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("status", "active");
        q.put("asset_class", assetClass);
        return list(okJson(http.get(AlpacaHttp.Api.TRADING, "/v2/assets", q), null), AlpacaAsset::from);
    }

    public AlpacaOrder order(String orderId) {
        return AlpacaOrder.from(okJson(http.get(AlpacaHttp.Api.TRADING, "/v2/orders/" + AlpacaHttp.enc(orderId),
                Map.of("nested", "true")), null));
    }

    /** GET /v2/orders:by_client_order_id; empty when Alpaca answers 404 (the order definitely does not exist). */
    public Optional<AlpacaOrder> orderByClientOrderId(String clientOrderId) {
        AlpacaHttp.Result r = http.get(AlpacaHttp.Api.TRADING, "/v2/orders:by_client_order_id",
                Map.of("client_order_id", clientOrderId));
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(AlpacaOrder.from(okJson(r, "client_order_id " + clientOrderId)));
    }

    /** Orders by status ({@code open}, {@code closed} or {@code all}), newest first, bracket legs nested. */
    public List<AlpacaOrder> orders(String status, int limit) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("status", status.toLowerCase(Locale.ROOT));
        q.put("limit", Integer.toString(Math.max(1, Math.min(limit, 500))));
        q.put("nested", "true");
        return list(okJson(http.get(AlpacaHttp.Api.TRADING, "/v2/orders", q), null), AlpacaOrder::from);
    }

    public List<AlpacaOrder> openOrders() {
        return orders("open", 500);
    }

    /**
     * Executions after {@code after}, oldest first (GET /v2/account/activities/FILL, every page). Used when the trade
     * stream is down or has not started listening yet.
     */
    List<Execution> fillsAfter(java.time.Instant after) {
        List<Execution> out = new ArrayList<>();
        Optional<String> token = Optional.empty();
        for (int page = 0; page < 50; page++) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("after", after.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
            q.put("direction", "asc");
            q.put("page_size", "100");
            token.ifPresent(t -> q.put("page_token", t));
            List<JsonNode> rows = list(okJson(http.get(AlpacaHttp.Api.TRADING, "/v2/account/activities/FILL", q), null),
                    n -> n);
            java.time.Instant received = http.clock().instant();
            rows.stream().filter(n -> Json.text(n, "order_id") != null)
                    .forEach(n -> out.add(Execution.fromActivity(n, received)));
            if (rows.size() < 100) {
                break;
            }
            token = Optional.ofNullable(Json.text(rows.get(rows.size() - 1), "id"));
            if (token.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /**
     * Submits an order so that a fault can never create a duplicate nor lose one: see the class comment.
     *
     * @throws AlpacaApiException          Alpaca rejected the order (the message names the symbol and the reason)
     * @throws OrderStateUnknownException  a fault happened and the look-up could not tell whether the order exists
     * @throws AlpacaTransportException    every try failed and each look-up confirmed the order does not exist
     */
    public AlpacaOrder submitOrder(AlpacaOrderRequest request) {
        String body = request.toJson(http.mapper());
        return sendOrderSafely("POST", "/v2/orders", body, request.clientOrderId(), request.symbol());
    }

    /** PATCH /v2/orders/{id}: Alpaca replaces the order by a new one carrying the new client order id. */
    public AlpacaOrder replaceOrder(String orderId, AlpacaReplaceRequest request) {
        return sendOrderSafely("PATCH", "/v2/orders/" + AlpacaHttp.enc(orderId), request.toJson(http.mapper()),
                request.clientOrderId(), "order " + orderId);
    }

    /**
     * Cancels an order. Cancelling an order that is already canceled (for instance a retry after a lost answer)
     * succeeds; an order that can no longer be canceled (filled) is an error naming its status.
     */
    public void cancelOrder(String orderId) {
        AlpacaHttp.Result r = http.delete("/v2/orders/" + AlpacaHttp.enc(orderId));
        if (r.ok()) {
            return;
        }
        if (r.status() == 422) {
            AlpacaOrder o = order(orderId);
            String s = o.status() == null ? "" : o.status();
            if (s.equals("canceled") || s.equals("pending_cancel")) {
                return;
            }
            throw new AlpacaApiException("cancel order " + orderId + " (" + o.symbol() + "): not cancelable, status " + s,
                    422, 0);
        }
        throw http.error(r, "cancel order " + orderId);
    }

    /**
     * Closes a whole position with a market order (DELETE /v2/positions/{symbol}). Sent once: a second close could
     * sell again, so a fault is reported instead of retried.
     */
    public AlpacaOrder closePosition(Instrument instrument) {
        AlpacaHttp.Result r = http.sendOnce("DELETE", "/v2/positions/" + AlpacaHttp.enc(AlpacaSymbols.pathSegment(instrument)),
                null);
        if (r.status() >= 500) {
            throw new AlpacaTransportException(instrument.symbol() + ": close position got HTTP " + r.status()
                    + "; the position may or may not be closing, check positions() before trying again");
        }
        return AlpacaOrder.from(okJson(r, instrument.symbol()));
    }

    private AlpacaOrder sendOrderSafely(String method, String path, String body, String clientOrderId, String subject) {
        RetryPolicy policy = http.config().retryPolicy();
        Random random = new Random(clientOrderId.hashCode());
        String lastFault = "";
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            @Nullable String fault;
            try {
                AlpacaHttp.Result r = http.sendOnce(method, path, body);
                if (r.ok()) {
                    return AlpacaOrder.from(http.json(r));
                }
                if (r.status() == 422 && isDuplicateClientOrderId(r)) {
                    // Alpaca already holds an order with this id (an earlier try went through): return that one.
                    LOG.info("{}: client_order_id {} already exists; returning the existing order", subject, clientOrderId);
                    return lookUp(clientOrderId, subject, "HTTP 422 duplicate client_order_id")
                            .orElseThrow(() -> new OrderStateUnknownException(subject + ": Alpaca says client_order_id "
                                    + clientOrderId + " exists but cannot find it; not resubmitted", clientOrderId));
                }
                if (r.status() < 500) {
                    throw http.error(r, subject + ": order rejected");
                }
                fault = "HTTP " + r.status();
            } catch (AlpacaTransportException e) {
                fault = e.getMessage();
            }
            lastFault = fault;
            LOG.warn("{}: {} {} failed ({}); looking up client_order_id {} before anything else", subject, method, path, fault,
                    clientOrderId);
            Optional<AlpacaOrder> existing = lookUp(clientOrderId, subject, fault);
            if (existing.isPresent()) {
                LOG.info("{}: order {} exists after the fault; not resubmitting", subject, clientOrderId);
                return existing.get();
            }
            if (attempt < policy.maxAttempts()) {
                sleep(policy.delayAfter(attempt, random));
                LOG.warn("{}: client_order_id {} is confirmed absent; resubmitting (try {}/{})", subject, clientOrderId,
                        attempt + 1, policy.maxAttempts());
            }
        }
        throw new AlpacaTransportException(http.secrets().redact(subject + ": order " + clientOrderId + " was not placed after "
                + policy.maxAttempts() + " tries (last: " + lastFault + "); Alpaca confirmed it does not exist"));
    }

    /** Looks an order up after a fault; any doubt (the look-up itself failing) becomes OrderStateUnknownException. */
    private Optional<AlpacaOrder> lookUp(String clientOrderId, String subject, @Nullable String fault) {
        try {
            return orderByClientOrderId(clientOrderId);
        } catch (AlpacaAuthException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OrderStateUnknownException(http.secrets().redact(subject + ": after " + fault
                    + " the look-up of client_order_id " + clientOrderId + " failed too (" + e.getMessage()
                    + "); the order was NOT resubmitted; look it up later by this client_order_id"), clientOrderId);
        }
    }

    private boolean isDuplicateClientOrderId(AlpacaHttp.Result r) {
        String b = r.body().toLowerCase(Locale.ROOT);
        return b.contains("client_order_id") && b.contains("unique");
    }

    private void sleep(Duration d) {
        try {
            http.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlpacaTransportException("interrupted while waiting to resubmit an order");
        }
    }

    private JsonNode okJson(AlpacaHttp.Result r, @Nullable String subject) {
        if (!r.ok()) {
            throw http.error(r, subject);
        }
        return http.json(r);
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(f.apply(n)));
        }
        return out;
    }
}
