package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.engine.AlpacaAccountHarness.hold;
import static sextant.engine.AlpacaAccountHarness.skip;
import static sextant.engine.AlpacaAccountHarness.trade;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeOrder;
import sextant.core.market.Instrument;
import sextant.core.order.OrderOutcome;
import sextant.core.order.Side;

/**
 * Issue 11's defects, each over real HTTP against the fake Alpaca (fills, partial fills, pending cancels, manual orders
 * and positions, the wash-trade and available-quantity rules) with the SQLite ledger.
 */
class UnattendedOrdersTest {
    static final Instrument AAPL = Instrument.stock("AAPL");
    static final Instrument MSFT = Instrument.stock("MSFT");
    static final Instrument NVDA = Instrument.stock("NVDA");
    static final Instrument BTC = Instrument.crypto("BTCUSD");
    static final Instrument LINK = Instrument.crypto("LINKUSD");
    static final LocalDate D1 = LocalDate.of(2026, 11, 30);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);
    static final LocalDate D4 = D1.plusDays(3);
    static final LocalDate D5 = D1.plusDays(4);

    static List<OrderOutcome> outcomes(List<OrderEvent> events) {
        return events.stream().map(OrderEvent::outcome).toList();
    }

    /** Defect 1: yesterday's GTC entry fills while it is being cancelled; today's entry must not be sent. */
    @Test
    void anEntryThatFillsDuringItsCancelIsBookedAndFollowedByItsTakeProfitNotASecondEntry() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.fake.setPrice("LINKUSD", 20);
            h.cycle(D1, trade(LINK, Side.BUY, 19.5, 21, 10));
            FakeOrder entry = h.byClientId("sx-20261130-LINKUSD-eb");
            h.fake.fillOnCancel(entry.id(), 19.5);

            List<OrderEvent> day2 = h.cycle(D2, trade(LINK, Side.BUY, 19.0, 20.5, 10));

            assertThat(h.fake.positionQty("LINKUSD")).isEqualTo(10); // not 20
            assertThat(h.fake.orderByClientOrderId("sx-20261201-LINKUSD-eb")).isEmpty();
            assertThat(outcomes(day2)).contains(OrderOutcome.FILLED_DURING_CANCEL, OrderOutcome.SUBMITTED);
            FakeOrder tp = h.byClientId("sx-20261201-LINKUSD-xs");
            assertThat(tp.side()).isEqualTo("sell");
            assertThat(tp.qty()).isEqualTo(10);
            assertThat(tp.limitPrice()).isEqualTo(20.5);
            assertThat(h.query("SELECT qty, price FROM fills", rs -> row(rs, 2))).containsExactly(List.of(10.0, 19.5));
        }
    }

    /** Defect 2: manual orders and positions are left alone; another instance's orders too; removed symbols wind down. */
    @Test
    void onlyOrdersWithSextantsPrefixAndPositionsItsFillsOpenedAreActedOn() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness();
             AlpacaAccountHarness other = new AlpacaAccountHarness("sy", h.fake, false)) {
            h.fake.setPrice("AAPL", 100);
            h.fake.setPrice("MSFT", 200);
            h.fake.setPosition("AAPL", 50, 90);
            FakeOrder stop = h.fake.placeManualOrder("my-protective-stop", "AAPL", "sell", "stop", 50, Double.NaN, 85);
            other.cycle(D1, trade(MSFT, Side.BUY, 190, 210, 3));
            int postsBefore = h.fake.requestCount("POST /v2/orders");

            List<OrderEvent> events = h.cycle(D1, skip(AAPL), skip(MSFT));

            assertThat(h.fake.orders().stream().filter(o -> o.id().equals(stop.id())).findFirst().orElseThrow().status())
                    .isEqualTo("new");
            assertThat(h.fake.positionQty("AAPL")).isEqualTo(50);
            assertThat(h.byClientId("sy-20261130-MSFT-eb").status()).isEqualTo("new");
            assertThat(h.fake.requestCount("POST /v2/orders")).isEqualTo(postsBefore);
            assertThat(h.fake.requestCount("DELETE")).isZero();
            assertThat(events).filteredOn(e -> e.outcome() == OrderOutcome.LEFT_ALONE).extracting(OrderEvent::symbol)
                    .containsExactlyInAnyOrder("AAPL", "AAPL", "MSFT");
            assertThat(h.query("SELECT symbol, what FROM left_alone", rs -> row(rs, 2)).toString())
                    .contains("position of 50 AAPL was not opened by Sextant's fills");
            assertThat(h.query("SELECT client_order_id FROM orders WHERE event = 'left-alone'", rs -> row(rs, 1)).toString())
                    .contains("my-protective-stop").contains("sy-20261130-MSFT-eb");

            // An entry next to a manual position is not sent either.
            List<OrderEvent> entry = h.cycle(D1, trade(AAPL, Side.BUY, 99, 105, 10));
            assertThat(entry).filteredOn(e -> e.outcome() == OrderOutcome.REFUSED).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("not Sextant's"));
            assertThat(h.fake.requestCount("POST /v2/orders")).isEqualTo(postsBefore);

            // Sextant's own NVDA position: opened by its fill, wound down once NVDA leaves the universe.
            h.fake.setPrice("NVDA", 150);
            h.cycle(D1, trade(NVDA, Side.BUY, 149, 160, 5));
            h.fake.fillOrder(h.byClientId("sx-20261130-NVDA-eb").id(), 149);
            List<OrderEvent> removed = h.cycle(D2, skip(AAPL), skip(MSFT));
            FakeOrder close = h.byClientId("sx-20261201-NVDA-cs");
            assertThat(close.side()).isEqualTo("sell");
            assertThat(close.qty()).isEqualTo(5);
            assertThat(removed).anySatisfy(e -> assertThat(e.message()).contains("no longer in the universe"));
            assertThat(h.byClientId("sy-20261130-MSFT-eb").status()).isEqualTo("new");
        }
    }

    @Test
    void aRemovedSymbolIsKeptWhenConfigured() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.settings = new OrderSettings(false, 3, java.time.Duration.ofMillis(10));
            h.fake.setPrice("MSFT", 200);
            h.cycle(D1, trade(MSFT, Side.BUY, 199, 210, 5));
            h.fake.fillOrder(h.byClientId("sx-20261130-MSFT-eb").id(), 199);
            int posts = h.fake.requestCount("POST /v2/orders");
            List<OrderEvent> events = h.cycle(D2, skip(AAPL));
            assertThat(h.fake.requestCount("POST /v2/orders")).isEqualTo(posts);
            assertThat(events).filteredOn(e -> e.outcome() == OrderOutcome.LEFT_ALONE).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("universe.on-removal: keep"));
            assertThat(h.ledger.ownedPositions().get("MSFT").qty()).isEqualTo(5);
        }
    }

    /** Defect 4: a same-day re-run changes an order (new id, reason recorded); a cancelled id does not block the day. */
    @Test
    void aSameDayReRunReplacesAChangedOrderAndACancelledIdDoesNotBlockTheDay() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.fake.setPrice("AAPL", 100);
            h.cycle(D1, trade(AAPL, Side.BUY, 99, 105, 10));
            List<OrderEvent> rerun = h.cycle(D1, trade(AAPL, Side.BUY, 98, 105, 10));

            assertThat(h.byClientId("sx-20261130-AAPL-eb").status()).isEqualTo("canceled");
            FakeOrder replacement = h.byClientId("sx-20261130-AAPL-eb2");
            assertThat(replacement.limitPrice()).isEqualTo(98);
            assertThat(rerun).extracting(OrderEvent::outcome).containsExactly(OrderOutcome.CANCELLED, OrderOutcome.REPLACED);
            assertThat(rerun.get(1).message()).contains("replaces [sx-20261130-AAPL-eb]");
            assertThat(h.query("SELECT event, reason FROM orders WHERE client_order_id = 'sx-20261130-AAPL-eb2'",
                    rs -> row(rs, 2)).toString()).contains("replaced").contains("replaces");

            // The same plan again is kept; a cancelled order (by the trader, here) makes room for a new one.
            assertThat(outcomes(h.cycle(D1, trade(AAPL, Side.BUY, 98, 105, 10)))).containsExactly(OrderOutcome.KEPT);
            h.broker.cancel(replacement.id());
            List<OrderEvent> afterCancel = h.cycle(D1, trade(AAPL, Side.BUY, 98, 105, 10));
            assertThat(outcomes(afterCancel)).contains(OrderOutcome.SUBMITTED);
            assertThat(h.byClientId("sx-20261130-AAPL-eb3").status()).isEqualTo("new");
            // One entry working (an OTO: its take-profit leg waits for the fill).
            assertThat(h.openOrdersOf("AAPL")).filteredOn(o -> !o.isLeg()).hasSize(1);
        }
    }

    /** Defect 5: a resting crypto take-profit is kept; a pending cancel blocks its resend; one symbol's fault is its own. */
    @Test
    void anIdenticalTakeProfitIsKeptAPendingCancelBlocksTheResendAndFaultsStayInTheirSymbol() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.fake.setPrice("BTCUSD", 50_000);
            h.fake.unknownAsset("ZZZZ");
            h.cycle(D1, trade(BTC, Side.BUY, 49_000, 51_000, 0.1));
            h.fake.fillOrder(h.byClientId("sx-20261130-BTCUSD-eb").id(), 49_000);
            h.cycle(D2, hold(BTC, Side.BUY, 51_000, 0.1));
            FakeOrder tp = h.byClientId("sx-20261201-BTCUSD-xs");

            List<OrderEvent> day3 = h.cycle(D3, trade(Instrument.stock("ZZZZ"), Side.BUY, 10, 11, 1), hold(BTC, Side.BUY, 51_000, 0.1));
            assertThat(outcomes(day3)).containsExactly(OrderOutcome.REFUSED, OrderOutcome.KEPT);
            assertThat(h.fake.requestCount("DELETE")).isZero();
            assertThat(h.openOrdersOf("BTC/USD")).extracting(FakeOrder::id).containsExactly(tp.id());

            h.fake.pendingCancels(true);
            List<OrderEvent> day4 = h.cycle(D4, hold(BTC, Side.BUY, 52_000, 0.1));
            assertThat(outcomes(day4)).containsExactly(OrderOutcome.CANCEL_PENDING, OrderOutcome.REFUSED);
            assertThat(h.openOrdersOf("BTC/USD")).extracting(FakeOrder::id).containsExactly(tp.id()); // still an exit
            assertThat(h.fake.orderByClientOrderId("sx-20261203-BTCUSD-xs")).isEmpty();

            h.fake.confirmPendingCancels();
            h.fake.pendingCancels(false);
            List<OrderEvent> day5 = h.cycle(D5, hold(BTC, Side.BUY, 52_000, 0.1));
            assertThat(outcomes(day5)).containsExactly(OrderOutcome.RECONCILED, OrderOutcome.SUBMITTED);
            assertThat(h.byClientId("sx-20261204-BTCUSD-xs").limitPrice()).isEqualTo(52_000);
        }
    }

    /** Defect 6: fills on Alpaca, partial ones included, reach the ledger with realised P&L. */
    @Test
    void fillsIncludingPartialOnesAreRecordedWithRealisedPnl() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            h.fake.setPrice("AAPL", 100);
            h.fake.setPrice("BTCUSD", 50_000);
            h.cycle(D1, trade(AAPL, Side.BUY, 99, 105, 10), trade(BTC, Side.BUY, 49_000, 51_000, 0.1));
            h.fake.fillOrderPart(h.byClientId("sx-20261130-AAPL-eb").id(), 4, 99);
            h.fake.fillOrder(h.byClientId("sx-20261130-BTCUSD-eb").id(), 49_000);
            h.fake.expireDayOrders();

            List<OrderEvent> day2 = h.cycle(D2, hold(AAPL, Side.BUY, 105, 4), hold(BTC, Side.BUY, 51_000, 0.1));
            assertThat(h.lastFills).hasSize(2);
            assertThat(h.query("SELECT symbol, qty, price FROM fills ORDER BY symbol", rs -> row(rs, 3)))
                    .containsExactly(List.of("AAPL", 4.0, 99.0), List.of("BTCUSD", 0.1, 49_000.0));
            assertThat(h.query("SELECT status FROM orders WHERE client_order_id = 'sx-20261130-AAPL-eb'"
                    + " ORDER BY rowid DESC LIMIT 1", rs -> row(rs, 1))).containsExactly(List.of("expired"));
            assertThat(day2).filteredOn(e -> e.outcome() == OrderOutcome.SUBMITTED).hasSize(2);
            assertThat(h.byClientId("sx-20261201-AAPL-xs").qty()).isEqualTo(4);

            // The take-profit fills in two parts; the ledger books both with the P&L they realised.
            String btcTp = h.byClientId("sx-20261201-BTCUSD-xs").id();
            h.fake.fillOrderPart(btcTp, 0.04, 51_000);
            h.cycle(D3, hold(AAPL, Side.BUY, 105, 4), hold(BTC, Side.BUY, 51_000, 0.06));
            h.fake.fillOrderPart(btcTp, 0.06, 51_500);
            h.cycle(D4, hold(AAPL, Side.BUY, 105, 4), skip(BTC));
            List<List<Object>> btcFills = h.query("SELECT qty, price, realized_pnl FROM fills WHERE symbol = 'BTCUSD'"
                    + " ORDER BY rowid", rs -> row(rs, 3));
            assertThat(btcFills).hasSize(3);
            assertThat((double) btcFills.get(1).get(2)).isCloseTo(0.04 * 2_000, org.assertj.core.data.Offset.offset(1e-6));
            assertThat((double) btcFills.get(2).get(2)).isCloseTo(0.06 * 2_500, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(h.ledger.ownedPositions()).doesNotContainKey("BTCUSD");
            assertThat(h.query("SELECT realized_pnl FROM owned_positions WHERE symbol = 'BTCUSD'", rs -> row(rs, 1)))
                    .singleElement().satisfies(r -> assertThat((double) r.get(0)).isCloseTo(230, org.assertj.core.data.Offset.offset(1e-6)));
        }
    }

    /** Defect 8: a closing limit that did not fill becomes a market order at the next step. */
    @Test
    void aCloseThatDidNotFillIsEscalatedToAMarketOrder() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            closingLimitExpiredUnfilled(h);

            h.cycle(D3, skip(AAPL));
            FakeOrder marketClose = h.byClientId("sx-20261202-AAPL-cs");
            assertThat(marketClose.type()).isEqualTo("market");
            assertThat(h.fake.positionQty("AAPL")).isZero();
            assertThat(h.ledger.ownedPositions()).doesNotContainKey("AAPL");
        }
    }

    /**
     * Found by the SIGKILL test: the step that found the closing limit expired (and recorded it) was killed before it
     * sent the market close. The restart no longer sees the expiry happen, and must still close at market: the
     * ledger's record of the expired close says so, not the reconciliation that saw it.
     */
    @Test
    void aCloseThatDidNotFillIsEscalatedAfterAProcessThatRecordedTheExpiryDied() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            closingLimitExpiredUnfilled(h);

            long killed = h.ledger.startCycle(java.time.Instant.now(), D3, h.broker.name(), "test", "test", 1);
            new OrderPhase(h.broker, h.ledger, killed, h.ids, h.settings, java.time.Clock.systemUTC()).reconcile();
            assertThat(h.query("SELECT status FROM orders WHERE client_order_id = 'sx-20261201-AAPL-cs'"
                    + " ORDER BY rowid DESC LIMIT 1", rs -> row(rs, 1))).as("the dead process recorded the expiry")
                    .containsExactly(List.of("expired"));
            h.restart(() -> { });

            h.cycle(D3, skip(AAPL));
            assertThat(h.byClientId("sx-20261202-AAPL-cs").type()).isEqualTo("market");
            assertThat(h.fake.positionQty("AAPL")).isZero();
        }
    }

    /** AAPL bought on D1, closed with a limit on D2 (no longer picked), and that limit expired unfilled. */
    private static void closingLimitExpiredUnfilled(AlpacaAccountHarness h) {
        h.fake.setPrice("AAPL", 100);
        h.cycle(D1, trade(AAPL, Side.BUY, 99, 105, 10));
        h.fake.fillOrder(h.byClientId("sx-20261130-AAPL-eb").id(), 99);
        h.cycle(D2, skip(AAPL));
        assertThat(h.byClientId("sx-20261201-AAPL-cs").type()).isEqualTo("limit");
        h.fake.expireDayOrders();
    }

    static List<Object> row(java.sql.ResultSet rs, int columns) {
        try {
            List<Object> out = new java.util.ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                out.add(rs.getObject(i));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
