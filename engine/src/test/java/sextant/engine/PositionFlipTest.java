package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.engine.AlpacaAccountHarness.trade;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.alpaca.fake.FakeOrder;
import sextant.core.cycle.PhaseTimings;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.Side;
import sextant.data.SyntheticMarket;
import sextant.paper.PaperBroker;
import sextant.paper.PaperConfig;
import sextant.store.Database;
import sextant.store.SqliteLedger;

/**
 * Issue 11, "flipping a position is closing, then entering, in one cycle where the broker allows it": over real HTTP
 * against the fake Alpaca (which reports a marketable order filled at once, and refuses wash trades and sells beyond
 * the available quantity), and over the paper broker (which fills only at the next session's bar).
 */
class PositionFlipTest {
    static final Instrument AAPL = Instrument.stock("AAPL");
    static final LocalDate D1 = LocalDate.of(2026, 11, 30);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);
    static final LocalDate D4 = D1.plusDays(3);

    @TempDir
    Path dir;

    /** A long with its resting take-profit becomes a short in one cycle: cancel the TP, close, confirm, enter. */
    @Test
    void onAlpacaALongIsClosedAndTheShortEnteredInTheSameCycleOnceTheCloseIsConfirmedFilled() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            longTenAaplFilledAt99(h);
            h.cycle(D2, AlpacaAccountHarness.hold(AAPL, Side.BUY, 105, 10));
            // The take-profit rests: the OTO entry's leg, kept as the wanted take-profit.
            FakeOrder tp = h.fake.orders().stream().filter(FakeOrder::isLeg).findFirst().orElseThrow();
            assertThat(tp.status()).isEqualTo("new");
            h.fake.autoFillMarketableLimits(true);

            List<OrderEvent> day3 = h.cycle(D3, trade(AAPL, Side.SELL, 101, 95, 8));

            // The resting take-profit (a sell) would have left no quantity for the close: it was cancelled first.
            assertThat(h.fake.orders().stream().filter(o -> o.id().equals(tp.id())).findFirst().orElseThrow().status())
                    .isEqualTo("canceled");
            FakeOrder close = h.byClientId("sx-20261202-AAPL-cs");
            assertThat(close.status()).isEqualTo("filled");
            assertThat(close.qty()).isEqualTo(10);
            FakeOrder entry = h.byClientId("sx-20261202-AAPL-es");
            assertThat(entry.side()).isEqualTo("sell");
            assertThat(entry.qty()).isEqualTo(8);
            assertThat(entry.limitPrice()).isEqualTo(101);
            assertThat(entry.status()).isEqualTo("new"); // not marketable: it rests, as an entry limit should
            assertThat(h.fake.positionQty("AAPL")).isZero();
            assertThat(day3).noneMatch(e -> e.outcome() == OrderOutcome.REFUSED || e.outcome() == OrderOutcome.FAILED);
            assertThat(day3).filteredOn(e -> e.outcome() == OrderOutcome.SUBMITTED || e.outcome() == OrderOutcome.REPLACED)
                    .extracting(e -> e.order().clientOrderId())
                    .containsExactly("sx-20261202-AAPL-cs", "sx-20261202-AAPL-es");
            assertThat(day3).anyMatch(e -> e.message().startsWith("flip, after the close sx-20261202-AAPL-cs filled"));
            // The close's fill is booked: Sextant owns no AAPL until the short entry fills.
            assertThat(h.ledger.ownedPositions()).doesNotContainKey("AAPL");
            assertThat(h.query("SELECT qty, price FROM fills WHERE client_order_id = 'sx-20261202-AAPL-cs'",
                    rs -> UnattendedOrdersTest.row(rs, 2))).containsExactly(List.of(10.0, 99.0));

            // The short entry fills; the next cycle manages it as Sextant's own short.
            h.fake.fillOrder(entry.id(), 101);
            h.cycle(D4, AlpacaAccountHarness.hold(AAPL, Side.SELL, 95, 8));
            assertThat(h.ledger.ownedPositions().get("AAPL").qty()).isEqualTo(-8);
            // Its take-profit is the short entry's OTO leg, kept.
            assertThat(h.fake.orders()).filteredOn(o -> o.isLeg() && o.parentId().equals(entry.id())).singleElement()
                    .satisfies(leg -> {
                        assertThat(leg.side()).isEqualTo("buy");
                        assertThat(leg.qty()).isEqualTo(8);
                        assertThat(leg.status()).isEqualTo("new");
                    });
        }
    }

    /**
     * A close that rests (not marketable now, or the market is shut) cannot be confirmed: the opposite entry is not
     * sent, since Alpaca would refuse it as a potential wash trade against the resting close; the next cycle enters.
     */
    @Test
    void onAlpacaACloseThatRestsKeepsTheTwoCycleFlipAndSaysSo() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            longTenAaplFilledAt99(h);

            List<OrderEvent> day2 = h.cycle(D2, trade(AAPL, Side.SELL, 101, 95, 8));

            assertThat(h.byClientId("sx-20261201-AAPL-cs").status()).isEqualTo("new");
            assertThat(h.fake.orderByClientOrderId("sx-20261201-AAPL-es")).isEmpty();
            assertThat(h.fake.positionQty("AAPL")).isEqualTo(10);
            assertThat(day2).filteredOn(e -> e.outcome() == OrderOutcome.REFUSED).singleElement()
                    .satisfies(e -> assertThat(e.message()).startsWith("flip: entry not sent this cycle: the close"
                            + " sx-20261201-AAPL-cs is new (filled 0 of 10); the entry follows in the next cycle"));

            h.fake.fillOrder(h.byClientId("sx-20261201-AAPL-cs").id(), 99);
            h.cycle(D3, trade(AAPL, Side.SELL, 101, 95, 8));
            assertThat(h.byClientId("sx-20261202-AAPL-es").qty()).isEqualTo(8);
            assertThat(h.fake.orderByClientOrderId("sx-20261202-AAPL-cs")).isEmpty();
        }
    }

    /** The paper broker fills only at the next session's bar: the flip takes two cycles, and the reason says why. */
    @Test
    void onThePaperBrokerAFlipClosesNowAndEntersNextCycle() {
        Instrument aaa = Instrument.stock("AAA");
        SyntheticMarket market = new SyntheticMarket(7);
        AtomicReference<LocalDate> day = new AtomicReference<>(LocalDate.of(2026, 3, 2));
        try (Database db = Database.openIn(dir)) {
            PaperBroker broker = PaperBroker.open(db, market, day::get, new PaperConfig(100_000, 0, 0, 2));
            SqliteLedger ledger = new SqliteLedger(db);
            ClientOrderIds ids = new ClientOrderIds("sx");
            OrderSettings settings = new OrderSettings(true, 3, java.time.Duration.ZERO);

            double close1 = lastClose(market, aaa, day.get());
            paperCycle(broker, ledger, ids, settings, day.get(), close1, trade(aaa, Side.BUY, close1 * 1.05, close1 * 2, 40));
            day.set(day.get().plusDays(1));
            double close2 = lastClose(market, aaa, day.get());
            broker.positions(); // settles the entry's bar
            assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.qty()).isEqualTo(40));

            List<OrderEvent> day2 = paperCycle(broker, ledger, ids, settings, day.get(), close2,
                    trade(aaa, Side.SELL, close2 * 1.001, close2 * 0.9, 30));
            List<String> open = broker.openOrders().stream().map(Order::clientOrderId).toList();
            assertThat(open).containsExactly("sx-20260303-AAA-cs");
            assertThat(day2).noneMatch(e -> e.outcome() == OrderOutcome.REFUSED || e.outcome() == OrderOutcome.FAILED);
            assertThat(day2).filteredOn(e -> e.outcome() == OrderOutcome.SUBMITTED).singleElement()
                    .satisfies(e -> assertThat(e.message()).startsWith("flip in two cycles (the paper broker fills"
                            + " orders only when the next session's bar settles"));

            day.set(day.get().plusDays(1));
            double close3 = lastClose(market, aaa, day.get());
            List<OrderEvent> day3 = paperCycle(broker, ledger, ids, settings, day.get(), close3,
                    trade(aaa, Side.SELL, close3 * 1.001, close3 * 0.9, 30));
            assertThat(ledger.ownedPositions()).doesNotContainKey("AAA"); // the close filled at the settled bar
            assertThat(day3).filteredOn(e -> e.outcome() == OrderOutcome.SUBMITTED).singleElement()
                    .satisfies(e -> assertThat(e.order().clientOrderId()).isEqualTo("sx-20260304-AAA-es"));
            assertThat(broker.openOrders()).singleElement().satisfies(o -> {
                assertThat(o.side()).isEqualTo(Side.SELL);
                assertThat(o.qty()).isEqualTo(30);
            });
        }
    }

    /** Day 1 on the fake Alpaca: AAPL trades at 100, a long entry of 10 is placed and fills at 99. */
    private static void longTenAaplFilledAt99(AlpacaAccountHarness h) {
        h.fake.setPrice("AAPL", 100);
        h.lastClose.put(AAPL, 100.0);
        h.cycle(D1, trade(AAPL, Side.BUY, 99, 105, 10));
        h.fake.fillOrder(h.byClientId("sx-20261130-AAPL-eb").id(), 99);
    }

    private static double lastClose(SyntheticMarket market, Instrument inst, LocalDate day) {
        BarSeries b = market.dailyBars(inst, day.minusDays(10), day.minusDays(1));
        return b.close()[b.size() - 1];
    }

    private static List<OrderEvent> paperCycle(PaperBroker broker, SqliteLedger ledger, ClientOrderIds ids,
                                               OrderSettings settings, LocalDate d, double lastClose,
                                               sextant.core.cycle.SymbolDecision decision) {
        long cycle = ledger.startCycle(Instant.now(), d, "paper", "synthetic", "test", 1);
        OrderPhase phase = new OrderPhase(broker, ledger, cycle, ids, settings, Clock.systemUTC());
        phase.reconcile();
        List<OrderEvent> events = phase.run(d, List.of(decision), Map.of(decision.instrument(), lastClose));
        ledger.finishCycle(cycle, Instant.now(), "ok", new PhaseTimings(), "");
        return events;
    }
}
