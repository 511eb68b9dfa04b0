package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sextant.core.backtest.StrategyId;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Order;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.Position;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

class OrderPlanningTest {
    static final LocalDate DAY = LocalDate.of(2025, 6, 2);
    static final Instrument AAA = Instrument.stock("AAA");
    static final Instrument BBB = Instrument.stock("BBB");
    static final Instrument BTC = Instrument.crypto("BTCUSD");
    static final CycleSettings SETTINGS = new CycleSettings(70, 6, 900, EnumSet.of(StrategyId.MAXDIFF), 0, 2, 0.1, 1.0, 1, "sx", "test-model");
    final OrderPlanner planner = new OrderPlanner(new ClientOrderIds("sx"));

    static SymbolDecision trade(Instrument i, Side side, double score, double entry, double tp) {
        return new SymbolDecision(i, Action.TRADE, StrategyId.MAXDIFF, side, score, entry, tp, 0, "test", false, false);
    }

    @Test
    void portfolioRanksBySizesWithinBudgetAndCapsPositions() {
        List<SymbolDecision> in = List.of(trade(AAA, Side.BUY, 0.001, 99.999, 102), trade(BBB, Side.SELL, 0.003, 50, 48),
                trade(BTC, Side.BUY, 0.002, 30_000, 31_000));
        List<SymbolDecision> out = new PortfolioBuilder(SETTINGS).build(in, new Account(100_000, 100_000, 100_000, 100_000),
                List.of());
        Map<String, SymbolDecision> by = new java.util.HashMap<>();
        out.forEach(d -> by.put(d.instrument().symbol(), d));
        assertThat(by.get("BBB").action()).isEqualTo(Action.TRADE);
        assertThat(by.get("BBB").qty()).isEqualTo(200); // 10 % of 100k at 50
        assertThat(by.get("BTCUSD").qty()).isEqualTo(0.3333); // crypto steps of 1e-4, rounded down
        assertThat(by.get("AAA").action()).isEqualTo(Action.SKIP);
        assertThat(by.get("AAA").reason()).contains("beyond max-positions 2");
    }

    @Test
    void aPositionManagedByItsPlanTakesASlotWhateverThisCyclePicks() {
        // max-positions 2; BTC is held under an open plan and this cycle did not pick it (its decision is a skip).
        List<SymbolDecision> in = List.of(trade(AAA, Side.BUY, 0.001, 99.999, 102), trade(BBB, Side.SELL, 0.003, 50, 48),
                SymbolDecision.skip(BTC, "no strategy passed"));
        Account account = new Account(100_000, 100_000, 100_000, 100_000);
        List<Position> held = List.of(new Position(BTC, 0.1, 30_000, 30_000));

        List<SymbolDecision> control = new PortfolioBuilder(SETTINGS).build(in, account, held);
        assertThat(control).filteredOn(SymbolDecision::trades).hasSize(2); // without the plan: two new entries, three held

        List<SymbolDecision> out = new PortfolioBuilder(SETTINGS).build(in, account, held, java.util.Set.of(BTC));
        assertThat(out).filteredOn(SymbolDecision::trades).extracting(d -> d.instrument().symbol()).containsExactly("BBB");
        assertThat(out).filteredOn(d -> d.instrument().equals(AAA)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("beyond max-positions 2"));
        // A pick in the managed symbol is left for ManagedDecisions to turn into the plan's hold; it takes no second slot.
        List<SymbolDecision> picked = new PortfolioBuilder(SETTINGS).build(List.of(trade(BTC, Side.BUY, 0.01, 30_000, 31_000),
                trade(AAA, Side.BUY, 0.001, 99.999, 102)), account, held, java.util.Set.of(BTC));
        assertThat(picked).filteredOn(d -> d.instrument().equals(BTC)).singleElement()
                .satisfies(d -> assertThat(d.qty()).isZero());
        assertThat(picked).filteredOn(d -> d.instrument().equals(AAA)).singleElement()
                .satisfies(d -> assertThat(d.action()).isEqualTo(Action.TRADE));
    }

    @Test
    void cryptoIsSizedFromCashNotFromMarginBuyingPower() {
        // A margin account: 40k buying power but only 3k cash. The stock may use margin; the crypto may not.
        List<SymbolDecision> out = new PortfolioBuilder(SETTINGS).build(List.of(trade(BTC, Side.BUY, 0.002, 30_000, 31_000)),
                new Account(3_000, 100_000, 40_000, 100_000), List.of());
        assertThat(out).singleElement().satisfies(d -> assertThat(d.qty() * 30_000).isLessThanOrEqualTo(3_000));
        List<SymbolDecision> stock = new PortfolioBuilder(SETTINGS).build(List.of(trade(AAA, Side.BUY, 0.002, 100, 103)),
                new Account(3_000, 100_000, 40_000, 100_000), List.of());
        assertThat(stock).singleElement().satisfies(d -> assertThat(d.qty()).isEqualTo(100)); // 10 % of equity
    }

    @Test
    void aReversalIsAFlipSizedAsANewEntryAndItsFirstOrderClosesTheOppositePosition() {
        List<SymbolDecision> out = new PortfolioBuilder(SETTINGS).build(List.of(trade(AAA, Side.BUY, 0.01, 100, 103)),
                new Account(100_000, 100_000, 100_000, 100_000), List.of(new Position(AAA, -10, 101, 100)));
        assertThat(out).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(Action.TRADE);
            assertThat(d.qty()).isEqualTo(100); // 10 % of equity, as a new entry: the short's exposure is closed first
            assertThat(d.reason()).startsWith("flip from -10 on the other side: close it, then rank 1");
        });
        // A broker that cannot confirm a fill within the cycle (the paper broker): skipped while the position closes.
        assertThat(new PortfolioBuilder(SETTINGS, false).build(List.of(trade(AAA, Side.BUY, 0.01, 100, 103)),
                new Account(100_000, 100_000, 100_000, 100_000), List.of(new Position(AAA, -10, 101, 100))))
                .singleElement().satisfies(d -> {
                    assertThat(d.action()).isEqualTo(Action.SKIP);
                    assertThat(d.qty()).isZero();
                    assertThat(d.reason()).startsWith("holding -10 on the other side: closing it first; the entry follows");
                });
        // Only the close is planned up front: the entry waits for the broker to confirm the close filled.
        List<PlannedAction> plan = planner.plan(DAY, out, List.of(new Position(AAA, -10, 101, 100)), List.of(),
                Map.of(AAA, 100.0));
        assertThat(plan).singleElement().satisfies(a -> {
            assertThat(a.submit().side()).isEqualTo(Side.BUY);
            assertThat(a.submit().qty()).isEqualTo(10);
            assertThat(a.submit().clientOrderId()).endsWith("-cb");
            assertThat(a.reason()).startsWith("flip: close the -10 held, then enter buy 100");
        });
    }

    @Test
    void sameDecisionTwiceGivesTheSameClientOrderIdAndAnOpenOrderIsKept() {
        SymbolDecision d = new SymbolDecision(AAA, Action.TRADE, StrategyId.MAXDIFF, Side.BUY, 0.01, 99.987, 103, 10, "r", false, false);
        List<PlannedAction> first = planner.plan(DAY, List.of(d), List.of(), List.of(), Map.of());
        assertThat(first).singleElement().satisfies(a -> {
            assertThat(a.submit().clientOrderId()).isEqualTo("sx-20250602-AAA-eb");
            assertThat(a.submit().limitPrice()).isEqualTo(99.98); // buys round down to the cent
            assertThat(a.submit().timeInForce()).isEqualTo(TimeInForce.DAY);
        });
        Order open = new Order("id-1", "sx-20250602-AAA-eb", AAA, Side.BUY, 10, OrderType.LIMIT, 99.98, TimeInForce.DAY,
                OrderStatus.NEW, 0, Double.NaN, Instant.EPOCH);
        assertThat(planner.plan(DAY, List.of(d), List.of(), List.of(open), Map.of())).isEmpty();
        // The same id with another price is not kept: it is cancelled and the new order is sent (under a new id).
        Order other = new Order("id-2", "sx-20250602-AAA-eb", AAA, Side.BUY, 10, OrderType.LIMIT, 97, TimeInForce.DAY,
                OrderStatus.NEW, 0, Double.NaN, Instant.EPOCH);
        assertThat(planner.plan(DAY, List.of(d), List.of(), List.of(other), Map.of())).hasSize(2);
        // A resting limit the broker rounded to its own price increment (99.98 wanted, 99.95 resting) is the same order.
        Order rounded = new Order("id-3", "sx-20250602-AAA-eb", AAA, Side.BUY, 10, OrderType.LIMIT, 99.95,
                TimeInForce.DAY, OrderStatus.NEW, 0, Double.NaN, Instant.EPOCH);
        assertThat(planner.plan(DAY, List.of(d), List.of(), List.of(rounded), Map.of())).isEmpty();
    }

    @Test
    void heldPositionGetsATakeProfitAndStaleOrdersAreCancelled() {
        SymbolDecision hold = new SymbolDecision(AAA, Action.HOLD, StrategyId.MAXDIFF, Side.BUY, 0.01, 99, 103.333, 10, "r", false, false);
        Order stale = order(AAA, "sx-20250530-AAA-eb", Side.BUY);
        List<PlannedAction> plan = planner.plan(DAY, List.of(hold), List.of(new Position(AAA, 10, 98, 100)),
                List.of(stale), Map.of(AAA, 100.0));
        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).cancel()).isEqualTo(stale);
        assertThat(plan.get(1).submit().side()).isEqualTo(Side.SELL);
        assertThat(plan.get(1).submit().limitPrice()).isEqualTo(103.34); // sells round up
        assertThat(plan.get(1).submit().qty()).isEqualTo(10);
    }

    @Test
    void positionNoLongerPickedIsClosedButAnErroredSymbolIsLeftAlone() {
        SymbolDecision skip = SymbolDecision.skip(AAA, "no strategy qualifies");
        SymbolDecision error = SymbolDecision.error(BBB, "data: broken file");
        Order bbbOrder = order(BBB, "sx-20250530-BBB-eb", Side.BUY);
        List<PlannedAction> plan = planner.plan(DAY, List.of(skip, error),
                List.of(new Position(AAA, -5, 50, 50), new Position(BBB, 3, 10, 10)), List.of(bbbOrder),
                Map.of(AAA, 50.0, BBB, 10.0));
        assertThat(plan).singleElement().satisfies(a -> {
            assertThat(a.submit().instrument()).isEqualTo(AAA);
            assertThat(a.submit().side()).isEqualTo(Side.BUY);
            assertThat(a.submit().qty()).isEqualTo(5);
            assertThat(a.submit().limitPrice()).isEqualTo(50.5);
            assertThat(a.submit().clientOrderId()).isEqualTo("sx-20250602-AAA-cb");
        });
    }

    @Test
    void cryptoOrdersAreGoodTillCancelled() {
        SymbolDecision d = new SymbolDecision(BTC, Action.TRADE, StrategyId.MAXDIFF, Side.BUY, 0.01, 30123.456789, 31000, 0.01, "r", false, false);
        assertThat(planner.plan(DAY, List.of(d), List.of(), List.of(), Map.of())).singleElement()
                .satisfies(a -> {
                    assertThat(a.submit().timeInForce()).isEqualTo(TimeInForce.GTC);
                    assertThat(a.submit().limitPrice()).isEqualTo(30123.4);
                });
    }

    @Test
    void closeSignalStrategiesEnterAtMarket() {
        SymbolDecision d = new SymbolDecision(AAA, Action.TRADE, StrategyId.SIMPLE, Side.SELL, 0.01, 50, Double.NaN, 20, "r", true, false);
        assertThat(planner.plan(DAY, List.of(d), List.of(), List.of(), Map.of())).singleElement().satisfies(a -> {
            assertThat(a.submit().type()).isEqualTo(sextant.core.order.OrderType.MARKET);
            assertThat(a.submit().qty()).isEqualTo(20);
            assertThat(a.submit().clientOrderId()).isEqualTo("sx-20250602-AAA-es");
        });
    }

    private static Order order(Instrument i, String clientId, Side side) {
        return new Order("id-" + clientId, clientId, i, side, 1, OrderType.LIMIT, 10, TimeInForce.DAY, OrderStatus.NEW, 0,
                Double.NaN, Instant.EPOCH);
    }
}
