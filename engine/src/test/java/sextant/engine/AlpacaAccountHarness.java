package sextant.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sextant.alpaca.AlpacaBroker;
import sextant.alpaca.AlpacaConfig;
import sextant.alpaca.AlpacaTradingClient;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.alpaca.fake.FakeOrder;
import sextant.core.backtest.StrategyId;
import sextant.core.cycle.Action;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.core.port.Broker;
import sextant.store.Database;
import sextant.store.SqliteLedger;

/**
 * The orders phase of a cycle run for real: the Alpaca adapter over HTTP against the fake Alpaca on 127.0.0.1, and
 * the SQLite ledger. Decisions are given (the strategy math is tested elsewhere), so each test says exactly what the
 * cycle wants and checks what reached the broker and the ledger.
 */
final class AlpacaAccountHarness implements AutoCloseable {
    final FakeAlpacaServer fake;
    private final boolean ownsServer;
    final Path dir;
    final Database db;
    final SqliteLedger ledger;
    Broker broker;
    final ClientOrderIds ids;
    OrderSettings settings = new OrderSettings(true, 3, Duration.ofMillis(10));
    List<Fill> lastFills = List.of();
    final Map<Instrument, Double> lastClose = new HashMap<>();

    AlpacaAccountHarness() throws Exception {
        this("sx", FakeAlpacaServer.start(), true);
    }

    /** An instance with its own prefix and state directory on {@code server}'s account. */
    AlpacaAccountHarness(String prefix, FakeAlpacaServer server, boolean ownsServer) throws Exception {
        this(prefix, server, ownsServer, Map.of());
    }

    /**
     * Without the request budget, the client's or the fake server's: a simulated run loop polls days of sessions in
     * seconds, which the real budget (200 a minute) would stretch into minutes of waiting (the server's X-Ratelimit
     * headers pause the client when its budget is spent).
     */
    static AlpacaAccountHarness unthrottled() throws Exception {
        FakeAlpacaServer server = FakeAlpacaServer.start();
        server.rateLimitPerMinute(1_000_000);
        return new AlpacaAccountHarness("sx", server, true, Map.of(AlpacaConfig.ENV_REQUESTS_PER_MINUTE, "1000000"));
    }

    private AlpacaAccountHarness(String prefix, FakeAlpacaServer server, boolean ownsServer, Map<String, String> env)
            throws Exception {
        this.fake = server;
        this.ownsServer = ownsServer;
        this.dir = Files.createTempDirectory("sx-orders");
        this.db = Database.openIn(dir);
        this.ledger = new SqliteLedger(db);
        Map<String, String> all = new HashMap<>(server.env());
        all.putAll(env);
        this.broker = AlpacaBroker.open(AlpacaTradingClient.create(AlpacaConfig.fromEnv(all)));
        this.ids = new ClientOrderIds(prefix);
    }

    /**
     * The process ends, {@code whileDown} happens at Alpaca, and a new process starts on the same state: a fresh
     * broker, which reports no execution from before it connected (those are the engine's to find in the orders).
     */
    void restart(Runnable whileDown) {
        ((AlpacaBroker) broker).close();
        whileDown.run();
        broker = AlpacaBroker.open(AlpacaTradingClient.create(AlpacaConfig.fromEnv(fake.env())));
    }

    /** One cycle's orders phase dated {@code day}: reconcile, then plan and execute the given decisions. */
    List<OrderEvent> cycle(LocalDate day, SymbolDecision... decisions) {
        long id = ledger.startCycle(Instant.now(), day, broker.name(), "test", "test", decisions.length);
        OrderPhase phase = new OrderPhase(broker, ledger, id, ids, settings, Clock.systemUTC());
        phase.reconcile();
        List<OrderEvent> events = phase.run(day, Arrays.asList(decisions), lastClose);
        lastFills = phase.fills();
        ledger.finishCycle(id, Instant.now(), "ok", new PhaseTimings(), "");
        return events;
    }

    /**
     * A limit entry sent as an OTO with its take-profit (Alpaca creates the leg) and recorded as submitted in a cycle
     * of its own dated {@code day}, as a cycle records what it sends.
     */
    Order sendOto(LocalDate day, Instrument i, Side side, double qty, double limit, double takeProfit) {
        long id = ledger.startCycle(Instant.now(), day, broker.name(), "test", "test", 1);
        Order sent = broker.submit(new OrderRequest(i, side, qty, OrderType.LIMIT, limit, TimeInForce.DAY,
                ids.of(day, i, ClientOrderIds.Leg.ENTRY, side), takeProfit));
        ledger.recordOrder(id, sent, OrderOutcome.SUBMITTED, "entry with its take-profit");
        ledger.finishCycle(id, Instant.now(), "ok", new PhaseTimings(), "");
        return sent;
    }

    static SymbolDecision trade(Instrument i, Side side, double entry, double takeProfit, double qty) {
        return new SymbolDecision(i, Action.TRADE, StrategyId.MAXDIFF, side, 0.01, entry, takeProfit, qty, "test pick", false, false);
    }

    static SymbolDecision hold(Instrument i, Side side, double takeProfit, double qty) {
        return new SymbolDecision(i, Action.HOLD, StrategyId.MAXDIFF, side, 0.01, Double.NaN, takeProfit, qty, "test hold", false, false);
    }

    static SymbolDecision skip(Instrument i) {
        return SymbolDecision.skip(i, "no strategy qualifies");
    }

    List<FakeOrder> ordersOf(String fakeSymbol) {
        List<FakeOrder> out = new ArrayList<>();
        for (FakeOrder o : fake.orders()) {
            if (o.symbol().equals(fakeSymbol)) {
                out.add(o);
            }
        }
        return out;
    }

    List<FakeOrder> openOrdersOf(String fakeSymbol) {
        return ordersOf(fakeSymbol).stream().filter(o -> List.of("new", "partially_filled", "pending_cancel", "held",
                "accepted").contains(o.status())).toList();
    }

    FakeOrder byClientId(String coid) {
        return fake.orderByClientOrderId(coid).orElseThrow(() -> new AssertionError("no order " + coid));
    }

    <T> List<T> query(String sql, java.util.function.Function<java.sql.ResultSet, T> row) throws Exception {
        List<T> out = new ArrayList<>();
        try (java.sql.Statement s = db.connection().createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(row.apply(rs));
            }
        }
        return out;
    }

    @Override
    public void close() {
        db.close();
        if (ownsServer) {
            fake.close();
        }
    }
}
