package sextant.alpaca;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
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
 */
public final class AlpacaBroker implements Broker {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);
    private final AlpacaTradingClient client;
    private final Map<Instrument, AlpacaAsset> assets = new ConcurrentHashMap<>();
    /** The account the rules are checked against: read at the cycle's account() and kept for its orders. */
    private volatile AlpacaAccount rulesAccount;

    private AlpacaBroker(AlpacaTradingClient client) {
        this.client = client;
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
        return new AlpacaBroker(client);
    }

    public AlpacaTradingClient client() {
        return client;
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

    /** Open orders, with the open legs of bracket/OTO orders listed as orders of their own. */
    @Override
    public List<Order> openOrders() {
        List<Order> out = new ArrayList<>();
        for (AlpacaOrder o : client.openOrders()) {
            out.add(o.toOrder());
            for (AlpacaOrder leg : o.legs()) {
                if (leg.isOpen()) {
                    out.add(leg.toOrder());
                }
            }
        }
        return out;
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
                return existing.get().toOrder();
            }
            throw e;
        }
        return client.submitOrder(wire).toOrder();
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

    @Override
    public Optional<Order> findByClientOrderId(String clientOrderId) {
        return client.orderByClientOrderId(clientOrderId).map(AlpacaOrder::toOrder);
    }

    @Override
    public void cancel(String orderId) {
        client.cancelOrder(orderId);
    }

    /** Closes the whole position with a market order. */
    public Order closePosition(Instrument instrument) {
        return client.closePosition(instrument).toOrder();
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
