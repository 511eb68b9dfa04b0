package sextant.alpaca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.Position;
import sextant.core.order.Side;
import sextant.core.port.Broker;
import sextant.core.port.BrokerException;

/**
 * {@link Broker} on Alpaca. Obtain it with {@link #open}, which checks the keys with GET /v2/account before anything
 * else, so wrong keys fail before any order is attempted. Orders pass {@link OrderRules} first (crypto shorts,
 * brackets, time in force, fractional shares, price increments); assets are fetched once per symbol and cached.
 *
 * <p>Fills: from the moment it is opened the broker listens to Alpaca's trade stream ({@link AlpacaTradeUpdates}), and
 * {@link #takeNewFills()} hands over each execution once. While the stream is down or not yet listening, and once
 * for any gap before it came back, the FILL account activities are polled instead; both sources are deduplicated by
 * execution id (and by order and cumulative quantity). Executions from before {@code open} are not reported: the
 * engine books those from the filled quantity of its orders. An execution already visible in an order this broker
 * returned is not reported again either (see {@link KnownOrders}).
 *
 * <p>OTO legs: the take-profit leg Alpaca creates for an entry is reported under a client order id derived from the
 * entry's ({@link OtoLegIds}: {@code <entry id>-x}), so it is Sextant's own order: listed by {@link #openOrders()} once
 * it works (not while it is held for its entry), found by {@link #findByClientOrderId}, cancelled by its Alpaca id.
 */
public final class AlpacaBroker implements Broker, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);
    /** Polls reach back this far before the last covered instant: clocks differ, and duplicates are dropped anyway. */
    private static final Duration POLL_OVERLAP = Duration.ofSeconds(30);
    /**
     * While the stream is down, the activities are polled at most this often (200 requests a minute is the whole
     * budget, and the engine asks for new fills around every order). Skipping a poll loses nothing: a fill not polled
     * yet is either seen in an order (and booked from it) or reported by a later poll.
     */
    private static final Duration POLL_EVERY = Duration.ofSeconds(3);
    private final Duration pollEvery;
    /** Calls that look up an order a fill names before that fill is given up (the order may be gone at Alpaca). */
    private static final int MAX_LOOKUPS = 5;
    private final Map<String, Integer> unresolved = new ConcurrentHashMap<>();
    /** When the activities were last polled (guarded by this). */
    private Optional<Instant> lastPoll = Optional.empty();
    private final AlpacaTradingClient client;
    private final Map<Instrument, AlpacaAsset> assets = new ConcurrentHashMap<>();
    /** The account the rules are checked against: read at the cycle's account() and kept for its orders. */
    private volatile @Nullable AlpacaAccount rulesAccount;
    private final KnownOrders known = new KnownOrders();
    private final FillFeed feed = new FillFeed();
    private final AlpacaTradeUpdates stream;
    private final Clock clock;
    private final Instant opened;
    /** Every execution after this instant is in the feed already (guarded by this). */
    private Instant coveredUntil;

    private AlpacaBroker(AlpacaTradingClient client, Clock clock, Duration firstBackoff, Duration maxBackoff,
                         Duration pollEvery) {
        this.client = client;
        this.pollEvery = pollEvery;
        this.clock = clock;
        this.opened = clock.instant();
        this.coveredUntil = opened;
        this.stream = new AlpacaTradeUpdates(client.http().config(), feed::offer, clock, firstBackoff, maxBackoff);
        stream.start();
    }

    /** Connects with the system clock and checks the keys and the account (see {@link #open(AlpacaTradingClient)}). */
    public static AlpacaBroker open(AlpacaConfig config) {
        return open(AlpacaTradingClient.create(config));
    }

    /**
     * Checks the keys and the account with one cheap call (GET /v2/account) and returns the broker.
     *
     * @throws AlpacaAuthException wrong or missing keys (HTTP 401/403): nothing else was sent
     * @throws BrokerException     the account is blocked or not active, or Alpaca cannot be reached
     */
    public static AlpacaBroker open(AlpacaTradingClient client) {
        return open(client, Duration.ofMillis(500), Duration.ofSeconds(30), POLL_EVERY);
    }

    /**
     * As {@link #open(AlpacaTradingClient)}, with the stream's reconnect back-off (first and longest wait) and the
     * shortest interval between two polls of the activities while the stream is down.
     */
    static AlpacaBroker open(AlpacaTradingClient client, Duration firstBackoff, Duration maxBackoff, Duration pollEvery) {
        AlpacaAccount account;
        try {
            account = client.account();
        } catch (AlpacaAuthException e) {
            throw e;
        } catch (AlpacaApiException e) {
            if (e.status() == 403) {
                throw new AlpacaAuthException("Alpaca refused the API keys (HTTP 403) at GET /v2/account; check "
                        + AlpacaConfig.ENV_KEY_ID + "/" + AlpacaConfig.ENV_SECRET_KEY
                        + " and that paper keys are used with the paper URL", 403);
            }
            throw e;
        }
        if (account.accountBlocked() || account.tradingBlocked()) {
            throw new BrokerException("Alpaca account is blocked for trading (account_blocked=" + account.accountBlocked()
                    + ", trading_blocked=" + account.tradingBlocked() + "); no orders will be sent");
        }
        if (account.status() != null && !account.status().equalsIgnoreCase("ACTIVE")) {
            throw new BrokerException("Alpaca account status is " + account.status() + ", not ACTIVE; no orders will be sent");
        }
        LOG.info("Alpaca {} account ready at {}", client.http().config().live() ? "LIVE" : "paper",
                client.http().config().tradingUrl());
        return new AlpacaBroker(client, Clock.systemUTC(), firstBackoff, maxBackoff, pollEvery);
    }

    public AlpacaTradingClient client() {
        return client;
    }

    /** The trade stream this broker listens to. */
    public AlpacaTradeUpdates tradeUpdates() {
        return stream;
    }

    /** Stops the trade stream (its threads are daemons: a process that ends without this loses nothing). */
    @Override
    public void close() {
        stream.close();
    }

    /** Stocks: an OTO entry whose take-profit leg Alpaca places at the fill (reported as the entry's id + "-x"). */
    @Override
    public boolean attachesTakeProfit(Instrument instrument) {
        return !instrument.isCrypto();
    }

    @Override
    public String name() {
        return client.http().config().live() ? "alpaca-live" : "alpaca-paper";
    }

    @Override
    public Account account() {
        AlpacaAccount a = client.account();
        rulesAccount = a;
        return a.toAccount();
    }

    @Override
    public List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (AlpacaPosition p : client.positions()) {
            out.add(p.toPosition());
        }
        return out;
    }

    /**
     * Open orders, with the working legs of bracket/OTO orders listed as orders of their own under their derived ids
     * ({@link OtoLegIds}). A leg still held for its entry is not listed: it cannot fill before the entry has.
     */
    @Override
    public List<Order> openOrders() {
        List<Order> out = new ArrayList<>();
        for (AlpacaOrder o : client.openOrders()) {
            known.see(o);
            if (o.isOpen()) {
                out.add(known.show(o, o.clientOrderId()));
            }
            for (AlpacaOrder leg : o.legs()) {
                if (leg.isOpen() && !leg.isHeld()) {
                    out.add(known.show(leg, OtoLegIds.of(o.clientOrderId(), leg)));
                }
            }
        }
        return out;
    }

    /**
     * Executions since the last call (since {@code open} at first), each once: from the trade stream, and polled from
     * the FILL activities for any time the stream did not cover. A fill the caller has already seen in an order's
     * filled quantity is left out (the engine books that one from the order).
     */
    @Override
    public synchronized List<Fill> takeNewFills() {
        pollIfStreamMissedSome();
        List<Fill> out = new ArrayList<>();
        List<Execution> later = new ArrayList<>();
        boolean refreshed = false;
        for (Execution e : feed.drain()) {
            if (e.cumQty().doubleValue() <= known.shownFilled(e.orderId()) + 1e-9) {
                continue;
            }
            Optional<KnownOrders.Known> k = known.known(e.orderId());
            if (k.isEmpty() && !refreshed) {
                refreshed = true;
                k = lookUp(e.orderId(), true);
            }
            if (k.isEmpty()) {
                k = lookUp(e.orderId(), false);
            }
            if (k.isEmpty()) {
                int tries = unresolved.merge(e.orderId(), 1, Integer::sum);
                if (tries < MAX_LOOKUPS) {
                    later.add(e);
                } else {
                    LOG.warn("a fill of Alpaca order {} is dropped: the order could not be looked up {} times", e.orderId(),
                            tries);
                }
                continue;
            }
            out.add(new Fill(e.orderId(), k.get().clientOrderId(), k.get().instrument(), e.side(), e.qty(), e.price(), 0,
                    e.at()));
        }
        feed.requeue(later);
        return out;
    }

    /**
     * Waits up to {@code max} for the next execution (the stream delivers it as it happens; while the stream is down
     * the activities are polled every few seconds) and returns the new fills, possibly none.
     */
    @Override
    public List<Fill> awaitNewFills(Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            List<Fill> fills = takeNewFills();
            long left = end - System.nanoTime();
            if (!fills.isEmpty() || left <= 0) {
                return fills;
            }
            Duration wait = Duration.ofNanos(Math.min(left, Math.max(POLL_EVERY.toNanos() / 10, pollEvery.toNanos())));
            try {
                if (stream.state() == AlpacaTradeUpdates.State.LISTENING) {
                    feed.await(wait);
                } else {
                    Thread.sleep(wait.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return takeNewFills();
            }
        }
    }

    /**
     * Polls the FILL activities unless the stream has been listening since before the covered instant (then it has
     * delivered everything since). After a poll everything up to its start is covered.
     */
    private void pollIfStreamMissedSome() {
        Optional<Instant> since = stream.listeningSince();
        if (since.isPresent() && !since.get().isAfter(coveredUntil)) {
            return;
        }
        Instant now = clock.instant();
        if (lastPoll.isPresent() && lastPoll.get().plus(pollEvery).isAfter(now)) {
            return;
        }
        lastPoll = Optional.of(now);
        Instant from = coveredUntil.minus(POLL_OVERLAP).isBefore(opened) ? opened : coveredUntil.minus(POLL_OVERLAP);
        try {
            for (Execution e : client.fillsAfter(from)) {
                feed.offer(e);
            }
            coveredUntil = now;
        } catch (RuntimeException e) {
            LOG.warn("could not poll Alpaca's fill activities (the trade stream is {}); trying again at the next call: {}",
                    stream.state(), e.getMessage());
        }
    }

    /** Learns an order an execution names: from the recent orders (legs nested) or, failing that, by its id. */
    private Optional<KnownOrders.Known> lookUp(String orderId, boolean recentOrders) {
        try {
            if (recentOrders) {
                client.orders("all", 500).forEach(known::see);
            } else {
                known.see(client.order(orderId));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not look up Alpaca order {} of a fill; it is reported at the next call: {}", orderId,
                    e.getMessage());
        }
        return known.known(orderId);
    }

    /**
     * Validates and submits. A client order id Alpaca already holds returns the existing order (also when the
     * request would now break a rule, e.g. a crypto sell whose position was already sold by that very order).
     *
     * @throws OrderRuleException         the request breaks an Alpaca rule; nothing was sent
     * @throws AlpacaApiException         Alpaca rejected it (e.g. 403 insufficient buying power)
     * @throws OrderStateUnknownException a fault left the outcome unknown; nothing was resubmitted
     */
    @Override
    public Order submit(OrderRequest request) {
        Instrument in = request.instrument();
        AlpacaAsset asset = asset(in);
        double available = 0;
        if (in.isCrypto() && request.side() == Side.SELL) {
            available = client.position(in)
                    .map(p -> Double.isFinite(p.qtyAvailable()) ? p.qtyAvailable() : p.qty())
                    .orElse(0.0);
        }
        AlpacaOrderRequest wire;
        try {
            wire = OrderRules.toAlpaca(request, asset, available);
            checkAccountRules(request, asset);
        } catch (OrderRuleException e) {
            Optional<AlpacaOrder> existing = client.orderByClientOrderId(request.clientOrderId());
            if (existing.isPresent()) {
                return known.show(existing.get());
            }
            throw e;
        }
        return known.show(client.submitOrder(wire));
    }

    private void checkAccountRules(OrderRequest request, AlpacaAsset asset) {
        AlpacaAccount account = rulesAccount;
        if (account == null) {
            account = client.account();
            rulesAccount = account;
        }
        Instrument in = request.instrument();
        boolean buyCrypto = in.isCrypto() && request.side() == Side.BUY;
        boolean needsPosition = !in.isCrypto() && (request.side() == Side.SELL || account.daytradeCount() >= AccountRules.PDT_DAY_TRADES);
        Optional<AlpacaPosition> pos = needsPosition ? client.position(in) : Optional.empty();
        double held = pos.map(AlpacaPosition::qty).orElse(0.0);
        double ref = Double.isFinite(request.limitPrice()) ? request.limitPrice()
                : pos.map(p -> p.toPosition().marketPrice()).orElse(Double.NaN);
        boolean openedToday = false;
        if (!in.isCrypto() && held != 0 && account.daytradeCount() >= AccountRules.PDT_DAY_TRADES
                && account.equity() < AccountRules.PDT_EQUITY) {
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York"));
            Side opening = held > 0 ? Side.BUY : Side.SELL;
            for (AlpacaOrder o : client.orders("closed", 100)) {
                Order c = o.toOrder();
                if (c.instrument().equals(in) && c.side() == opening && c.filledQty() > 0 && c.submittedAt() != null
                        && c.submittedAt().atZone(java.time.ZoneId.of("America/New_York")).toLocalDate().equals(today)) {
                    openedToday = true;
                }
            }
        }
        AccountRules.check(request, asset, account, held, ref, openedToday);
        if (buyCrypto && Double.isFinite(account.nonMarginableBuyingPower()) && Double.isFinite(ref)) {
            // What this order holds back is not available to the next crypto buy of the cycle.
            rulesAccount = withNonMarginable(account, account.nonMarginableBuyingPower() - request.qty() * ref);
        }
    }

    private static AlpacaAccount withNonMarginable(AlpacaAccount a, double nmbp) {
        return new AlpacaAccount(a.id(), a.status(), a.currency(), a.cash(), a.equity(), a.buyingPower(), a.lastEquity(),
                a.tradingBlocked(), a.accountBlocked(), a.patternDayTrader(), a.shortingEnabled(), a.multiplier(),
                a.daytradeCount(), nmbp);
    }

    /** Also finds an OTO leg by its derived id ({@link OtoLegIds}), through its entry. */
    @Override
    public Optional<Order> findByClientOrderId(String clientOrderId) {
        Optional<String> entryId = OtoLegIds.entryOf(clientOrderId);
        if (entryId.isPresent()) {
            Optional<AlpacaOrder> entry = client.orderByClientOrderId(entryId.get());
            Optional<AlpacaOrder> leg = entry.flatMap(p -> OtoLegIds.legOf(p, clientOrderId));
            if (leg.isPresent()) {
                known.see(entry.get());
                return Optional.of(known.show(leg.get(), clientOrderId));
            }
        }
        return client.orderByClientOrderId(clientOrderId).map(known::show);
    }

    @Override
    public void cancel(String orderId) {
        client.cancelOrder(orderId);
    }

    /** Closes the whole position with a market order. */
    public Order closePosition(Instrument instrument) {
        return known.show(client.closePosition(instrument));
    }

    private AlpacaAsset asset(Instrument in) {
        AlpacaAsset cached = assets.get(in);
        if (cached != null) {
            return cached;
        }
        AlpacaAsset a = client.asset(in).orElseThrow(() -> new OrderRuleException(in.symbol()
                + ": Alpaca does not know this asset (" + AlpacaSymbols.toAlpaca(in) + "); check the symbol and asset class"));
        if (a.isCrypto() != in.isCrypto()) {
            throw new OrderRuleException(in.symbol() + ": configured as " + in.assetClass() + " but Alpaca lists it as "
                    + a.assetClass());
        }
        assets.put(in, a);
        return a;
    }
}
