package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeOrder;
import sextant.core.alert.Alert;
import sextant.core.alert.AlertEvent;
import sextant.core.backtest.StrategyId;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.PlanStatus;
import sextant.core.order.Position;
import sextant.core.order.PositionPlan;
import sextant.core.order.Side;
import sextant.core.port.AlertSink;

/**
 * Position plans end to end on the Alpaca adapter against the fake Alpaca and the SQLite ledger: an entry records its
 * plan, the fill opens it and gets the plan's take-profit at once, later cycles keep the plan's exit instead of the
 * next winner's, the time stop closes it when no loop did, close-at-EOD plans are flattened passive then at market,
 * and an entry that ends unfilled cancels its plan.
 */
class PlanManagementTest {
    private static final Instrument AAPL = Instrument.stock("AAPL");
    private static final Instrument MSFT = Instrument.stock("MSFT");
    private static final Instrument LINK = Instrument.crypto("LINKUSD");
    private static final LocalDate MON = LocalDate.of(2026, 11, 2);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);

    private static SymbolDecision trade(Instrument i, double entry, double tp, double qty, boolean closeAtEod) {
        return new SymbolDecision(i, Action.TRADE, StrategyId.MAXDIFF, Side.BUY, 0.01, entry, tp, qty, "test pick", false,
                closeAtEod);
    }

    private static PositionPlan planOf(AlpacaAccountHarness h, Instrument i) {
        return h.ledger.activePositionPlans().stream().filter(p -> p.instrument().equals(i)).findFirst()
                .orElseThrow(() -> new AssertionError("no active plan for " + i));
    }

    /** The session desk of the harness's account, on the system clock, its alerts going to {@code alerts}. */
    private static SessionDesk desk(AlpacaAccountHarness h, AlertSink alerts) {
        return new SessionDesk(h.broker, h.ledger, "sx", h.settings, alerts, Clock.systemUTC());
    }

    @Test
    void aFilledEntryIsManagedByItsPlanUntilItsTimeStopClosesIt() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.fake.setPrice("AAPL", 100);
            List<Alert> alerts = new ArrayList<>();
            SessionDesk desk = desk(h, alerts::add);

            h.cycle(MON, trade(AAPL, 99, 102, 10, false));
            PositionPlan pending = planOf(h, AAPL);
            assertThat(pending.status()).isEqualTo(PlanStatus.PENDING);
            assertThat(pending.entryClientOrderId()).isEqualTo("sx-20261102-AAPL-eb");
            assertThat(pending.strategy()).isEqualTo("maxdiff");
            assertThat(pending.takeProfitPrice()).isEqualTo(102);
            assertThat(pending.hasStop()).as("exits.stop-loss is off by default").isFalse();
            assertThat(pending.maxHoldingSessions()).as("not close-at-EOD: carried one bar, as the kernel").isEqualTo(2);

            // A stock entry on Alpaca is an OTO: its take-profit leg works from the fill, and the desk keeps it.
            assertThat(h.byClientId("sx-20261102-AAPL-eb").orderClass()).isEqualTo("oto");
            h.fake.fillOrder(h.byClientId("sx-20261102-AAPL-eb").id(), 99);
            long step = desk.startStep(MON, "test manage", "test", "test");
            desk.manage(step, MON, i -> true, false);
            assertThat(planOf(h, AAPL).status()).isEqualTo(PlanStatus.OPEN);
            FakeOrder tp = h.fake.orders().stream().filter(FakeOrder::isLeg).findFirst().orElseThrow();
            assertThat(tp.side()).isEqualTo("sell");
            assertThat(tp.limitPrice()).isEqualTo(102);
            assertThat(tp.qty()).isEqualTo(10);
            assertThat(tp.status()).isEqualTo("new");
            assertThat(h.fake.orderByClientOrderId("sx-20261102-AAPL-xs")).as("no second take-profit").isEmpty();
            assertThat(desk.manage(step, MON, i -> true, false)).as("a second poll finds nothing to change").isEmpty();
            assertThat(alerts).isEmpty();

            // Tuesday's winner would hold with another take-profit: the plan's stands.
            h.fake.expireDayOrders();
            List<Position> own = List.of(new Position(AAPL, 10, 99, 100));
            SymbolDecision tuesday = new SymbolDecision(AAPL, Action.HOLD, StrategyId.PCTDIFF, Side.BUY, 0.02, 98, 105, 10,
                    "holding 10; pctdiff", false, true);
            SymbolDecision kept = ManagedDecisions.apply(List.of(tuesday),
                    ManagedDecisions.managing(h.ledger.activePositionPlans(), own), own, TUE, SessionCalendars.BUILT_IN).get(0);
            assertThat(kept.takeProfitPrice()).isEqualTo(102);
            assertThat(kept.strategy()).isEqualTo(StrategyId.MAXDIFF);
            assertThat(kept.reason()).startsWith("managed by plan #" + pending.id() + " from 2026-11-02 (maxdiff)");
            h.cycle(TUE, kept);
            assertThat(h.byClientId("sx-20261103-AAPL-xs").limitPrice()).isEqualTo(102);

            // Wednesday: two sessions held and no loop closed it at Tuesday's close: the cycle closes it.
            h.fake.expireDayOrders();
            SymbolDecision wednesday = ManagedDecisions.apply(List.of(tuesday),
                    ManagedDecisions.managing(h.ledger.activePositionPlans(), own), own, WED, SessionCalendars.BUILT_IN).get(0);
            assertThat(wednesday.action()).isEqualTo(Action.SKIP);
            assertThat(wednesday.reason()).startsWith("time stop: held 2 session(s)");
            h.lastClose.put(AAPL, 100.0);
            h.cycle(WED, wednesday);
            FakeOrder close = h.byClientId("sx-20261104-AAPL-cs");
            h.fake.fillOrder(close.id(), 99.5);
            desk.afterClose(desk.startStep(WED, "test after-close", "test", "test"));
            assertThat(h.ledger.activePositionPlans()).isEmpty();
            assertThat(h.query("SELECT status FROM position_plans WHERE id = " + pending.id(), rs -> str(rs, 1)))
                    .containsExactly("closed");
        }
    }

    @Test
    void closeAtEodIsFlattenedPassiveThenAtMarketAndAnUnfilledEntryCancelsItsPlan() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.fake.setPrice("MSFT", 200);
            h.fake.setPrice("AAPL", 100);
            List<Alert> alerts = new ArrayList<>();
            SessionDesk desk = desk(h, alerts::add);
            h.cycle(MON, trade(MSFT, 198, 204, 5, true), trade(AAPL, 95, 97, 3, true));
            assertThat(planOf(h, MSFT).maxHoldingSessions()).isEqualTo(1);
            h.fake.fillOrder(h.byClientId("sx-20261102-MSFT-eb").id(), 198);
            desk.manage(desk.startStep(MON, "m", "t", "t"), MON, i -> true, false);
            FakeOrder leg = h.fake.orders().stream().filter(o -> o.isLeg() && o.symbol().equals("MSFT")).findFirst()
                    .orElseThrow();
            assertThat(leg.status()).isEqualTo("new");

            h.fake.setPrice("MSFT", 201.37);
            desk.closeDue(desk.startStep(MON, "p", "t", "t"), MON, i -> true, false);
            assertThat(h.fake.orders().stream().filter(o -> o.id().equals(leg.id())).findFirst().orElseThrow().status())
                    .as("the take-profit makes way").isEqualTo("canceled");
            FakeOrder passive = h.byClientId("sx-20261102-MSFT-cs");
            assertThat(passive.type()).isEqualTo("limit");
            assertThat(passive.limitPrice()).as("at the last price, not through it").isEqualTo(201.37);
            assertThat(h.byClientId("sx-20261102-AAPL-eb").status()).as("a close-at-EOD entry has no session left")
                    .isEqualTo("canceled");
            assertThat(desk.manage(desk.startStep(MON, "m", "t", "t"), MON, i -> true, true))
                    .as("management leaves a closing position to the end-of-day steps").isEmpty();

            desk.closeDue(desk.startStep(MON, "c", "t", "t"), MON, i -> true, true);
            assertThat(h.byClientId("sx-20261102-MSFT-cs").status()).isEqualTo("canceled");
            FakeOrder market = h.byClientId("sx-20261102-MSFT-cs2");
            assertThat(market.type()).isEqualTo("market");
            assertThat(market.status()).isEqualTo("filled");
            assertThat(h.fake.positionQty("MSFT")).isZero();

            desk.afterClose(desk.startStep(MON, "a", "t", "t"));
            assertThat(h.ledger.activePositionPlans()).isEmpty();
            assertThat(h.query("SELECT symbol || ' ' || status FROM position_plans ORDER BY symbol", rs -> str(rs, 1)))
                    .containsExactly("AAPL cancelled", "MSFT closed");
            assertThat(alerts).isEmpty();
        }
    }

    @Test
    void aCryptoFillGetsItsTakeProfitFromTheDeskAtOnce() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.fake.setPrice("LINKUSD", 20);
            SessionDesk desk = desk(h, a -> { });
            h.cycle(MON, trade(LINK, 19.5, 20.5, 10, false));
            assertThat(h.byClientId("sx-20261102-LINKUSD-eb").orderClass()).as("Alpaca has no OTO for crypto")
                    .isNotEqualTo("oto");
            h.fake.fillOrder(h.byClientId("sx-20261102-LINKUSD-eb").id(), 19.5);
            List<OrderEvent> managed = desk.manage(desk.startStep(MON, "m", "t", "t"), MON, i -> true, false);
            assertThat(managed).anyMatch(e -> e.request() != null
                    && e.request().clientOrderId().equals("sx-20261102-LINKUSD-xs"));
            FakeOrder tp = h.byClientId("sx-20261102-LINKUSD-xs");
            assertThat(tp.side()).isEqualTo("sell");
            assertThat(tp.limitPrice()).isEqualTo(20.5);
            assertThat(tp.timeInForce()).isEqualTo("gtc");
            assertThat(planOf(h, LINK).status()).isEqualTo(PlanStatus.OPEN);
        }
    }

    @Test
    void aPositionLeftWithoutItsExitIsAlertedOnce() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.fake.setPrice("LINKUSD", 20);
            List<Alert> alerts = new ArrayList<>();
            SessionDesk desk = desk(h, alerts::add);
            h.cycle(MON, trade(LINK, 19.5, 20.5, 10, false));
            h.fake.fillOrder(h.byClientId("sx-20261102-LINKUSD-eb").id(), 19.5);
            h.fake.rateLimitNext("POST", "/v2/orders", 20, 0);
            desk.manage(desk.startStep(MON, "m", "t", "t"), MON, i -> true, false);
            desk.manage(desk.startStep(MON, "m", "t", "t"), MON, i -> true, false);
            assertThat(alerts).filteredOn(a -> a.event() == AlertEvent.POSITION_WITHOUT_EXIT).singleElement()
                    .satisfies(a -> assertThat(a.message()).startsWith("LINKUSD: 10 held with no exit order (managed by plan #"));
            assertThat(alerts).anyMatch(a -> a.event() == AlertEvent.ORDER_REJECTED);
        }
    }

    private static String str(java.sql.ResultSet rs, int col) {
        try {
            return rs.getString(col);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
