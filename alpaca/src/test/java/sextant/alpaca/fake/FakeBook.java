package sextant.alpaca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Orders, positions and cash of the fake account, with the checks Alpaca makes on orders (unique client order id,
 * crypto time in force and order class, no crypto shorts, fractional only with day, sub-penny prices, buying power).
 * All methods are synchronized: a request sees and changes the state atomically.
 *
 * <p>An OTO or bracket entry with a take-profit gets a real leg order, as Alpaca makes it: a limit on the other side
 * with a client order id of Alpaca's own (a UUID), {@code held} until the entry has filled completely, then
 * {@code new}; it fills and cancels like any order, and a held leg is cancelled with its entry. Every execution is kept
 * as a FILL account activity and announced as a {@code trade_updates} event (as are new orders and cancels).
 */
final class FakeBook {
    record Answer(int status, String body) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;
    private final ToDoubleFunction<String> priceOf; // internal key (e.g. BTC/USD, AAPL) -> current price
    private final Map<String, FakeOrder> orders = new LinkedHashMap<>();
    private final Map<String, String> idByClientOrderId = new HashMap<>();
    private final Map<String, double[]> positions = new TreeMap<>(); // symbol -> {qty, avgPrice}
    private final Map<String, String> cryptoIncrements = new HashMap<>();
    private final Set<String> unknownSymbols = new java.util.HashSet<>();
    private final Set<String> nonFractionable = new java.util.HashSet<>();
    private double cash = 100_000;
    private int ordersWithoutClientOrderId;
    private boolean autoFillMarketableLimits;
    private boolean pendingCancels;
    private String multiplier = "2";
    private boolean shortingEnabled = true;
    private int daytradeCount;
    private final Set<String> hardToBorrow = new java.util.HashSet<>();
    private final Map<String, Double> fillOnCancel = new HashMap<>();
    private final List<ObjectNode> activities = new ArrayList<>();
    private Consumer<String> tradeUpdates = m -> { };

    FakeBook(Clock clock, ToDoubleFunction<String> priceOf) {
        this.clock = clock;
        this.priceOf = priceOf;
        cryptoIncrements.put("BTC/USD", "1");
        cryptoIncrements.put("ETH/USD", "0.1");
    }

    static String normalize(String symbol) {
        String s = symbol.toUpperCase(Locale.ROOT).replace("%2F", "/");
        if (!s.contains("/")) {
            for (String q : List.of("USDT", "USDC", "USD")) {
                if (s.length() > q.length() + 1 && s.endsWith(q) && isKnownCryptoBase(s.substring(0, s.length() - q.length()))) {
                    return s.substring(0, s.length() - q.length()) + "/" + q;
                }
            }
        }
        return s;
    }

    private static boolean isKnownCryptoBase(String base) {
        return Set.of("BTC", "ETH", "SOL", "LTC", "DOGE", "AVAX", "LINK", "UNI", "SUI", "AAVE", "DOT", "XRP", "BCH", "SHIB")
                .contains(base);
    }

    static boolean isCrypto(String normalized) {
        return normalized.contains("/");
    }

    /** Where trade_updates messages go (the stream server); called under this book's lock, so it must not block. */
    synchronized void onTradeUpdate(Consumer<String> sink) {
        tradeUpdates = sink;
    }

    // ---- test hooks ----

    synchronized void setCash(double c) {
        cash = c;
    }

    synchronized double cash() {
        return cash;
    }

    synchronized void setPosition(String symbol, double qty, double avg) {
        String s = normalize(symbol);
        if (qty == 0) {
            positions.remove(s);
        } else {
            positions.put(s, new double[] {qty, avg});
        }
    }

    synchronized double positionQty(String symbol) {
        double[] p = positions.get(normalize(symbol));
        return p == null ? 0 : p[0];
    }

    synchronized void setCryptoPriceIncrement(String symbol, String increment) {
        cryptoIncrements.put(normalize(symbol), increment);
    }

    synchronized void markUnknown(String symbol) {
        unknownSymbols.add(normalize(symbol));
    }

    synchronized void markNonFractionable(String symbol) {
        nonFractionable.add(normalize(symbol));
    }

    synchronized void setAutoFillMarketableLimits(boolean on) {
        autoFillMarketableLimits = on;
    }

    synchronized List<FakeOrder> orders() {
        return new ArrayList<>(orders.values());
    }

    synchronized Optional<FakeOrder> byClientOrderId(String coid) {
        String id = idByClientOrderId.get(coid);
        return Optional.ofNullable(id == null ? null : orders.get(id));
    }

    synchronized int ordersWithoutClientOrderId() {
        return ordersWithoutClientOrderId;
    }

    synchronized void fill(String id, double price) {
        FakeOrder o = openOrder(id);
        applyFill(o, o.qty() - o.filledQty(), price);
    }

    /** Fills {@code qty} more of an open order at {@code price}: partially_filled until the whole quantity is filled. */
    synchronized void fillPart(String id, double qty, double price) {
        FakeOrder o = openOrder(id);
        if (qty > o.qty() - o.filledQty() + 1e-12) {
            throw new IllegalArgumentException("order " + id + " has only " + (o.qty() - o.filledQty()) + " left");
        }
        applyFill(o, qty, price);
    }

    private FakeOrder openOrder(String id) {
        FakeOrder o = orders.get(id);
        if (o == null) {
            throw new IllegalArgumentException("no order " + id);
        }
        if (!isOpen(o.status())) {
            throw new IllegalStateException("order " + id + " is " + o.status());
        }
        return o;
    }

    /** Account type and shorting: multiplier "1" is a cash account (Alpaca allows it no shorts). */
    synchronized void setMargin(String multiplier, boolean shortingEnabled) {
        this.multiplier = multiplier;
        this.shortingEnabled = shortingEnabled;
    }

    synchronized void setDaytradeCount(int n) {
        daytradeCount = n;
    }

    synchronized void markHardToBorrow(String symbol) {
        hardToBorrow.add(normalize(symbol));
    }

    /** When on, a cancel is accepted as {@code pending_cancel} and only takes effect at {@link #confirmPendingCancels}. */
    synchronized void setPendingCancels(boolean on) {
        pendingCancels = on;
    }

    /** Every pending cancel takes effect (Alpaca's venue confirmed them). */
    synchronized void confirmPendingCancels() {
        for (FakeOrder o : new ArrayList<>(orders.values())) {
            if (o.status().equals("pending_cancel")) {
                put(withStatus(o, "canceled", o.filledQty(), o.filledAvgPrice(), null));
            }
        }
    }

    /** The session ended: every open DAY order expires (what is filled of it stays filled). */
    synchronized void expireDayOrders() {
        for (FakeOrder o : new ArrayList<>(orders.values())) {
            if (isOpen(o.status()) && o.timeInForce().equals("day")) {
                put(withStatus(o, "expired", o.filledQty(), o.filledAvgPrice(), null));
            }
        }
    }

    /** The race of defect 1: the order fills at {@code price} just before Alpaca handles its cancel. */
    synchronized void fillOnCancel(String id, double price) {
        fillOnCancel.put(id, price);
    }

    /** An order the trader placed by hand (or another program): its client order id is not Sextant's. */
    synchronized FakeOrder placeManual(String clientOrderId, String symbol, String side, String type, double qty,
                                       double limit, double stop) {
        String s = normalize(symbol);
        FakeOrder o = newOrder(clientOrderId, s, side, type, "gtc", qty, limit, stop, "", Double.NaN);
        return orders.get(o.id());
    }

    // ---- trading API ----

    synchronized Answer account() {
        double equity = cash;
        for (Map.Entry<String, double[]> p : positions.entrySet()) {
            equity += p.getValue()[0] * priceOf.applyAsDouble(p.getKey());
        }
        ObjectNode n = mapper.createObjectNode();
        n.put("id", "00000000-0000-4000-8000-000000000001");
        n.put("account_number", "PA0FAKE00001");
        n.put("status", "ACTIVE");
        n.put("currency", "USD");
        n.put("cash", str(cash));
        n.put("equity", str(equity));
        n.put("last_equity", str(equity));
        n.put("buying_power", str(Math.max(0, cash)));
        n.put("multiplier", multiplier);
        n.put("shorting_enabled", shortingEnabled);
        n.put("daytrade_count", daytradeCount);
        n.put("non_marginable_buying_power", str(Math.max(0, cash)));
        n.put("pattern_day_trader", daytradeCount >= 4);
        n.put("trading_blocked", false);
        n.put("account_blocked", false);
        n.put("crypto_status", "ACTIVE");
        return ok(n);
    }

    synchronized Answer positions() {
        ArrayNode a = mapper.createArrayNode();
        positions.forEach((s, p) -> a.add(positionJson(s, p)));
        return ok(a);
    }

    synchronized Answer position(String symbol) {
        String s = normalize(symbol);
        double[] p = positions.get(s);
        return p == null ? error(404, 40410000, "position does not exist") : ok(positionJson(s, p));
    }

    synchronized Answer closePosition(String symbol) {
        String s = normalize(symbol);
        double[] p = positions.get(s);
        if (p == null) {
            return error(404, 40410000, "position does not exist");
        }
        FakeOrder o = newOrder(UUID.randomUUID().toString(), s, p[0] > 0 ? "sell" : "buy", "market",
                isCrypto(s) ? "gtc" : "day", Math.abs(p[0]), Double.NaN, Double.NaN, "", Double.NaN);
        applyFill(o, priceOf.applyAsDouble(s));
        return ok(orderJson(orders.get(o.id())));
    }

    synchronized Answer asset(String symbol) {
        String s = normalize(symbol);
        if (unknownSymbols.contains(s)) {
            return error(404, 40410000, "asset not found for " + symbol);
        }
        return ok(assetJson(s));
    }

    synchronized Answer assets(String assetClass) {
        ArrayNode a = mapper.createArrayNode();
        if ("crypto".equals(assetClass)) {
            for (String base : List.of("BTC", "ETH", "SOL", "LTC", "DOGE")) {
                a.add(assetJson(base + "/USD"));
            }
        } else {
            for (String s : List.of("AAPL", "MSFT", "SPY")) {
                a.add(assetJson(s));
            }
        }
        return ok(a);
    }

    synchronized Answer submit(JsonNode body) {
        String rawSymbol = text(body, "symbol");
        if (rawSymbol == null) {
            return error(422, 40010001, "symbol is required");
        }
        String s = normalize(rawSymbol);
        boolean crypto = isCrypto(s);
        String coid = text(body, "client_order_id");
        if (coid == null) {
            ordersWithoutClientOrderId++;
            coid = UUID.randomUUID().toString();
        }
        if (idByClientOrderId.containsKey(coid)) {
            return error(422, 40010001, "client_order_id must be unique");
        }
        if (unknownSymbols.contains(s)) {
            return error(422, 40010001, "asset \"" + rawSymbol + "\" not found");
        }
        double qty = num(body, "qty");
        if (!(qty > 0)) {
            return error(422, 40010001, "qty must be > 0");
        }
        String side = text(body, "side");
        String type = text(body, "type");
        String tif = text(body, "time_in_force");
        if (!"buy".equals(side) && !"sell".equals(side)) {
            return error(422, 40010001, "invalid side");
        }
        if (!List.of("market", "limit", "stop_limit", "stop").contains(type)) {
            return error(422, 40010001, "invalid order type");
        }
        if (!List.of("day", "gtc", "ioc", "fok", "opg", "cls").contains(tif)) {
            return error(422, 40010001, "invalid time_in_force");
        }
        String orderClass = text(body, "order_class") == null ? "" : text(body, "order_class");
        double limit = num(body, "limit_price");
        double stop = num(body, "stop_price");
        double tp = body.has("take_profit") ? num(body.get("take_profit"), "limit_price") : Double.NaN;
        if (crypto) {
            if (!tif.equals("gtc") && !tif.equals("ioc")) {
                return error(422, 42210000, "invalid crypto time_in_force");
            }
            if (!orderClass.isEmpty() && !orderClass.equals("simple")) {
                return error(422, 42210000, "crypto orders not allowed for advanced order_class: " + orderClass);
            }
            if (side.equals("sell")) {
                double have = positions.containsKey(s) ? positions.get(s)[0] - reservedSell(s) : 0;
                if (qty > have + 1e-12) {
                    return error(403, 40310000, "insufficient balance for " + s.split("/")[0] + " (requested: " + str(qty)
                            + ", available: " + str(Math.max(0, have)) + ")");
                }
            }
            if (Double.isFinite(limit) && !onGrid(limit, new BigDecimal(cryptoIncrements.getOrDefault(s, "0.0001")))) {
                return error(422, 42210000, "limit price " + str(limit) + " is not a multiple of price_increment "
                        + cryptoIncrements.getOrDefault(s, "0.0001"));
            }
        } else {
            boolean fractional = qty != Math.floor(qty);
            if (fractional && nonFractionable.contains(s)) {
                return error(422, 40010001, "asset " + s + " is not fractionable");
            }
            if (fractional && !tif.equals("day")) {
                return error(422, 40010001, "fractional orders must be DAY orders");
            }
            for (double p : new double[] {limit, stop, tp}) {
                if (Double.isFinite(p) && !onGrid(p, p >= 1 ? new BigDecimal("0.01") : new BigDecimal("0.0001"))) {
                    return error(422, 40010001, "invalid limit_price " + str(p)
                            + ". sub-penny increment does not fulfill minimum pricing criteria");
                }
            }
            if ((orderClass.equals("bracket") || orderClass.equals("oto")) && !(tif.equals("day") || tif.equals("gtc"))) {
                return error(422, 40010001, "bracket orders must be day or gtc");
            }
        }
        if ((type.equals("limit") || type.equals("stop_limit")) && !(limit > 0)) {
            return error(422, 40010001, "limit_price is required for " + type);
        }
        double heldNow = positions.containsKey(s) ? positions.get(s)[0] : 0;
        if (!crypto && side.equals("sell") && qty > Math.max(0, heldNow) + 1e-12) {
            if (multiplier.equals("1") || !shortingEnabled) {
                return error(403, 40310000, "account is not allowed to short");
            }
            if (hardToBorrow.contains(s)) {
                return error(422, 42210000, "asset " + s + " cannot be sold short");
            }
        }
        Answer wash = washTrade(s, side, type, limit);
        if (wash != null) {
            return wash;
        }
        if (!crypto && side.equals("sell") && positions.containsKey(s) && positions.get(s)[0] > 0) {
            double available = positions.get(s)[0] - reservedSell(s);
            if (qty > available + 1e-12) {
                return error(403, 40310000, "insufficient qty available for order (requested: " + str(qty)
                        + ", available: " + str(Math.max(0, available)) + ")");
            }
        }
        double px = Double.isFinite(limit) ? limit : priceOf.applyAsDouble(s);
        if (side.equals("buy") && qty * px > cash + 1e-9) {
            return error(403, 40310000, "insufficient buying power");
        }
        FakeOrder o = newOrder(coid, s, side, type, tif, qty, limit, stop, orderClass, tp);
        double market = priceOf.applyAsDouble(s);
        if (type.equals("market")) {
            applyFill(o, market);
        } else if (autoFillMarketableLimits && type.equals("limit")
                && (side.equals("buy") ? limit >= market : limit <= market)) {
            applyFill(o, limit);
        }
        return ok(orderJson(orders.get(o.id())));
    }

    synchronized Answer order(String id) {
        FakeOrder o = orders.get(id);
        return o == null ? error(404, 40410000, "order not found for " + id) : ok(orderJson(o));
    }

    synchronized Answer orderByClientOrderId(String coid) {
        String id = coid == null ? null : idByClientOrderId.get(coid);
        return id == null ? error(404, 40410000, "order not found") : ok(orderJson(orders.get(id)));
    }

    synchronized Answer list(String status, int limit) {
        List<FakeOrder> all = new ArrayList<>(orders.values());
        java.util.Collections.reverse(all);
        ArrayNode a = mapper.createArrayNode();
        for (FakeOrder o : all) {
            if (o.isLeg()) {
                continue; // nested under its entry (the client always asks nested=true)
            }
            boolean open = isOpen(o.status()) || legsOf(o.id()).stream().anyMatch(l -> isOpen(l.status()));
            if (("open".equals(status) && open) || ("closed".equals(status) && !open) || "all".equals(status)) {
                if (a.size() < limit) {
                    a.add(orderJson(o));
                }
            }
        }
        return ok(a);
    }

    synchronized Answer cancel(String id) {
        FakeOrder o = orders.get(id);
        if (o == null) {
            return error(404, 40410000, "order not found");
        }
        Double racePrice = fillOnCancel.remove(id);
        if (racePrice != null && isOpen(o.status())) {
            applyFill(o, o.qty() - o.filledQty(), racePrice);
            o = orders.get(id);
        }
        if (o.status().equals("pending_cancel")) {
            return new Answer(204, "");
        }
        if (!isOpen(o.status())) {
            return error(422, 42210000, "order is already in \"" + o.status() + "\" state");
        }
        put(withStatus(o, pendingCancels ? "pending_cancel" : "canceled", o.filledQty(), o.filledAvgPrice(), null));
        announce(pendingCancels ? "pending_cancel" : "canceled", orders.get(id), null);
        return new Answer(204, "");
    }

    synchronized Answer replace(String id, JsonNode body) {
        FakeOrder o = orders.get(id);
        if (o == null) {
            return error(404, 40410000, "order not found");
        }
        if (!isOpen(o.status())) {
            return error(422, 42210000, "order is not open (" + o.status() + ")");
        }
        String coid = text(body, "client_order_id") == null ? UUID.randomUUID().toString() : text(body, "client_order_id");
        if (idByClientOrderId.containsKey(coid)) {
            return error(422, 40010001, "client_order_id must be unique");
        }
        double qty = body.has("qty") ? num(body, "qty") : o.qty();
        double limit = body.has("limit_price") ? num(body, "limit_price") : o.limitPrice();
        double stop = body.has("stop_price") ? num(body, "stop_price") : o.stopPrice();
        String tif = body.has("time_in_force") ? text(body, "time_in_force") : o.timeInForce();
        FakeOrder n = newOrder(coid, o.symbol(), o.side(), o.type(), tif, qty, limit, stop, o.orderClass(), o.takeProfit());
        put(withStatus(o, "replaced", o.filledQty(), o.filledAvgPrice(), n.id()));
        return ok(orderJson(n));
    }

    // ---- internals ----

    /**
     * Alpaca's wash-trade check: an order is refused while an opposite-side order of the same symbol is open that it
     * could trade against (either is a market or stop order, or the limits cross).
     */
    private Answer washTrade(String s, String side, String type, double limit) {
        for (FakeOrder o : orders.values()) {
            if (!o.symbol().equals(s) || o.side().equals(side) || !isOpen(o.status()) || o.status().equals("held")) {
                continue;
            }
            boolean crosses;
            if (!type.equals("limit") || !o.type().equals("limit")) {
                crosses = true;
            } else {
                crosses = side.equals("buy") ? limit >= o.limitPrice() : limit <= o.limitPrice();
            }
            if (crosses) {
                return error(403, 40310000, "potential wash trade detected. use complex orders");
            }
        }
        return null;
    }

    private double reservedSell(String s) {
        double r = 0;
        for (FakeOrder o : orders.values()) {
            if (o.symbol().equals(s) && o.side().equals("sell") && isOpen(o.status())) {
                r += o.qty() - o.filledQty();
            }
        }
        return r;
    }

    private FakeOrder newOrder(String coid, String s, String side, String type, String tif, double qty, double limit,
                               double stop, String orderClass, double tp) {
        FakeOrder o = new FakeOrder(UUID.randomUUID().toString(), coid, s, isCrypto(s) ? "crypto" : "us_equity", side, type,
                tif, qty, limit, stop, "new", 0, Double.NaN, orderClass, tp, clock.instant(), null, "");
        put(o);
        idByClientOrderId.put(coid, o.id());
        announce("new", o, null);
        if (Double.isFinite(tp)) {
            // Alpaca names the leg itself: the client never chooses (or learns in advance) its client order id.
            FakeOrder leg = new FakeOrder(UUID.randomUUID().toString(), UUID.randomUUID().toString(), s, o.assetClass(),
                    side.equals("buy") ? "sell" : "buy", "limit", tif, qty, tp, Double.NaN, "held", 0, Double.NaN,
                    orderClass, Double.NaN, clock.instant(), null, o.id());
            orders.put(leg.id(), leg);
            idByClientOrderId.put(leg.clientOrderId(), leg.id());
        }
        return o;
    }

    private void put(FakeOrder o) {
        orders.put(o.id(), o);
        if (o.isLeg()) {
            return;
        }
        for (FakeOrder leg : legsOf(o.id())) {
            if (!leg.status().equals("held")) {
                continue;
            }
            if (o.status().equals("filled")) {
                orders.put(leg.id(), withStatus(leg, "new", 0, Double.NaN, null));
            } else if (!isOpen(o.status())) {
                orders.put(leg.id(), withStatus(leg, "canceled", 0, Double.NaN, null));
            }
        }
    }

    private List<FakeOrder> legsOf(String parentId) {
        List<FakeOrder> out = new ArrayList<>();
        for (FakeOrder o : orders.values()) {
            if (o.parentId().equals(parentId)) {
                out.add(o);
            }
        }
        return out;
    }

    /** One trade_updates message; {@code fill} carries the execution's fields (fill and partial_fill events). */
    private void announce(String event, FakeOrder o, ObjectNode fill) {
        ObjectNode msg = mapper.createObjectNode();
        msg.put("stream", "trade_updates");
        ObjectNode data = msg.putObject("data");
        data.put("event", event);
        if (fill != null) {
            data.put("execution_id", fill.get("execution_id").asText());
            data.put("timestamp", fill.get("transaction_time").asText());
            data.put("price", fill.get("price").asText());
            data.put("qty", fill.get("qty").asText());
            data.put("position_qty", str(positionQty(o.symbol())));
        } else {
            data.put("timestamp", clock.instant().toString());
        }
        data.set("order", orderJson(o));
        tradeUpdates.accept(msg.toString());
    }

    private void applyFill(FakeOrder o, double price) {
        applyFill(o, o.qty() - o.filledQty(), price);
    }

    private void applyFill(FakeOrder o, double fillQty, double price) {
        double signed = o.side().equals("buy") ? fillQty : -fillQty;
        double[] p = positions.getOrDefault(o.symbol(), new double[] {0, 0});
        double newQty = p[0] + signed;
        double avg = p[1];
        if (Math.abs(newQty) < 1e-12) {
            positions.remove(o.symbol());
        } else {
            if (Math.signum(newQty) != Math.signum(p[0]) || p[0] == 0) {
                avg = price;
            } else if (Math.abs(newQty) > Math.abs(p[0])) {
                avg = (p[0] * p[1] + signed * price) / newQty;
            }
            positions.put(o.symbol(), new double[] {newQty, avg});
        }
        cash -= signed * price;
        double filled = o.filledQty() + fillQty;
        double avgFill = o.filledQty() > 0 ? (o.filledQty() * o.filledAvgPrice() + fillQty * price) / filled : price;
        FakeOrder now = withStatus(o, filled >= o.qty() - 1e-12 ? "filled" : "partially_filled", filled, avgFill, null);
        put(now);
        ObjectNode a = mapper.createObjectNode();
        String executionId = UUID.randomUUID().toString();
        java.time.Instant at = clock.instant();
        // Alpaca's activity ids are "<time>::<uuid>"; the stream's execution_id is the uuid part.
        a.put("id", java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(java.time.ZoneOffset.UTC)
                .format(at) + "::" + executionId);
        a.put("execution_id", executionId);
        a.put("activity_type", "FILL");
        a.put("transaction_time", at.toString());
        a.put("type", now.status().equals("filled") ? "fill" : "partial_fill");
        a.put("price", str(price));
        a.put("qty", str(fillQty));
        a.put("side", o.side());
        a.put("symbol", o.symbol());
        a.put("leaves_qty", str(Math.max(0, o.qty() - filled)));
        a.put("order_id", o.id());
        a.put("cum_qty", str(filled));
        a.put("order_status", now.status());
        activities.add(a);
        announce(a.get("type").asText(), now, a);
    }

    /**
     * GET /v2/account/activities/FILL: executions after {@code after} (exclusive), oldest first with
     * {@code direction=asc} (newest first otherwise), {@code pageSize} at a time, continuing after the activity id
     * {@code pageToken}.
     */
    synchronized Answer fillActivities(java.time.Instant after, boolean ascending, int pageSize, String pageToken) {
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode a : activities) {
            if (after == null || java.time.Instant.parse(a.get("transaction_time").asText()).isAfter(after)) {
                all.add(a);
            }
        }
        if (!ascending) {
            java.util.Collections.reverse(all);
        }
        int from = 0;
        if (pageToken != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).get("id").asText().equals(pageToken)) {
                    from = i + 1;
                }
            }
        }
        ArrayNode out = mapper.createArrayNode();
        for (int i = from; i < all.size() && out.size() < pageSize; i++) {
            ObjectNode copy = all.get(i).deepCopy();
            copy.remove("execution_id"); // not a field of Alpaca's activities; kept here to build the stream event
            out.add(copy);
        }
        return ok(out);
    }

    private static FakeOrder withStatus(FakeOrder o, String status, double filled, double avg, String replacedBy) {
        return new FakeOrder(o.id(), o.clientOrderId(), o.symbol(), o.assetClass(), o.side(), o.type(), o.timeInForce(),
                o.qty(), o.limitPrice(), o.stopPrice(), status, filled, avg, o.orderClass(), o.takeProfit(), o.createdAt(),
                replacedBy, o.parentId());
    }

    static boolean isOpen(String status) {
        return List.of("new", "accepted", "pending_new", "partially_filled", "held", "pending_cancel").contains(status);
    }

    private ObjectNode orderJson(FakeOrder o) {
        ObjectNode n = mapper.createObjectNode();
        String ts = o.createdAt().toString();
        n.put("id", o.id());
        n.put("client_order_id", o.clientOrderId());
        n.put("created_at", ts);
        n.put("updated_at", ts);
        n.put("submitted_at", ts);
        n.put("filled_at", o.status().equals("filled") ? ts : null);
        n.putNull("expired_at");
        n.put("canceled_at", o.status().equals("canceled") ? ts : null);
        n.putNull("failed_at");
        n.put("replaced_by", o.replacedBy());
        n.put("asset_id", UUID.nameUUIDFromBytes(o.symbol().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        n.put("symbol", o.symbol());
        n.put("asset_class", o.assetClass());
        n.putNull("notional");
        n.put("qty", str(o.qty()));
        n.put("filled_qty", str(o.filledQty()));
        n.put("filled_avg_price", Double.isNaN(o.filledAvgPrice()) ? null : str(o.filledAvgPrice()));
        n.put("order_class", o.orderClass());
        n.put("order_type", o.type());
        n.put("type", o.type());
        n.put("side", o.side());
        n.put("time_in_force", o.timeInForce());
        n.put("limit_price", Double.isNaN(o.limitPrice()) ? null : str(o.limitPrice()));
        n.put("stop_price", Double.isNaN(o.stopPrice()) ? null : str(o.stopPrice()));
        n.put("status", o.status());
        n.put("extended_hours", false);
        List<FakeOrder> legs = o.isLeg() ? List.of() : legsOf(o.id());
        if (legs.isEmpty()) {
            n.putNull("legs");
        } else {
            ArrayNode arr = n.putArray("legs");
            legs.forEach(l -> arr.add(orderJson(l)));
        }
        return n;
    }

    private ObjectNode positionJson(String s, double[] p) {
        double price = priceOf.applyAsDouble(s);
        ObjectNode n = mapper.createObjectNode();
        n.put("asset_id", UUID.nameUUIDFromBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        n.put("symbol", isCrypto(s) ? s.replace("/", "") : s); // Alpaca reports crypto positions as BTCUSD
        n.put("exchange", isCrypto(s) ? "CRYPTO" : "NASDAQ");
        n.put("asset_class", isCrypto(s) ? "crypto" : "us_equity");
        n.put("qty", str(p[0]));
        n.put("qty_available", str(p[0] - (p[0] > 0 ? reservedSell(s) : 0)));
        n.put("avg_entry_price", str(p[1]));
        n.put("side", p[0] >= 0 ? "long" : "short");
        n.put("market_value", str(p[0] * price));
        n.put("cost_basis", str(p[0] * p[1]));
        n.put("unrealized_pl", str(p[0] * (price - p[1])));
        n.put("current_price", str(price));
        return n;
    }

    private ObjectNode assetJson(String s) {
        boolean crypto = isCrypto(s);
        ObjectNode n = mapper.createObjectNode();
        n.put("id", UUID.nameUUIDFromBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        n.put("class", crypto ? "crypto" : "us_equity");
        n.put("exchange", crypto ? "CRYPTO" : "NASDAQ");
        n.put("symbol", s);
        n.put("name", s);
        n.put("status", "active");
        n.put("tradable", true);
        n.put("marginable", !crypto);
        n.put("shortable", !crypto);
        n.put("easy_to_borrow", !crypto && !hardToBorrow.contains(s));
        n.put("fractionable", !nonFractionable.contains(s));
        if (crypto) {
            n.put("min_order_size", "0.0001");
            n.put("min_trade_increment", "0.000000001");
            n.put("price_increment", cryptoIncrements.getOrDefault(s, "0.0001"));
        }
        return n;
    }

    private static boolean onGrid(double price, BigDecimal inc) {
        BigDecimal r = new BigDecimal(Double.toString(price)).remainder(inc);
        return r.signum() == 0;
    }

    private Answer ok(JsonNode n) {
        return new Answer(200, n.toString());
    }

    Answer error(int status, long code, String message) {
        ObjectNode n = mapper.createObjectNode();
        n.put("code", code);
        n.put("message", message);
        return new Answer(status, n.toString());
    }

    static String str(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static double num(JsonNode n, String f) {
        String t = text(n, f);
        if (t == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
