package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static sextant.engine.AlpacaAccountHarness.hold;
import static sextant.engine.AlpacaAccountHarness.skip;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeOrder;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.Side;
import sextant.core.order.TrackedOrder;

/**
 * Issue 13: an OTO entry's take-profit leg fills while no Sextant process runs. The next process's broker reports no
 * execution from before it connected and never lists a leg that is no longer open, so the reconciliation must find
 * the leg through its filled entry and book it, once; otherwise the owned position would be left long and then
 * clipped as if a manual sale had reduced it.
 */
class OtoLegFilledWhileDownTest {
    static final Instrument QQQ = Instrument.stock("QQQ");
    static final LocalDate MONDAY = OtoTakeProfitLegTest.D1;
    private AlpacaAccountHarness h;
    /** The OTO entry, buy 2 at 499 with its take-profit at 510, and the leg Alpaca made for it. */
    private Order sent;
    private FakeOrder leg;

    @BeforeEach
    void sendTheEntry() throws Exception {
        h = new AlpacaAccountHarness();
        h.fake.setPrice("QQQ", 500);
        sent = h.sendOto(MONDAY, QQQ, Side.BUY, 2, 499, 510);
        leg = h.fake.orders().stream().filter(FakeOrder::isLeg).findFirst().orElseThrow();
        assertThat(leg.limitPrice()).as("the OTO's take-profit").isEqualTo(510);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void entryAndLegFilledWhileDownAreBookedOnceWithTheirPnlAndNothingIsTakenForAManualTrade() throws Exception {
        int posts = h.fake.requestCount("POST /v2/orders");

        h.restart(() -> {
            h.fake.fillOrder(sent.id(), 499);
            h.fake.fillOrder(leg.id(), 510);
        });
        assertThat(h.fake.positionQty("QQQ")).isZero();

        List<OrderEvent> next = h.cycle(MONDAY.plusDays(1), skip(QQQ));

        assertThat(fills()).as("the entry's and the leg's fill, each once").containsExactly(
                List.of(sent.id(), "sx-20261130-QQQ-eb", "buy", 2.0, 499.0, 0.0),
                List.of(leg.id(), "sx-20261130-QQQ-eb-x", "sell", 2.0, 510.0, 22.0));
        assertThat(h.query("SELECT qty, realized_pnl FROM owned_positions WHERE symbol = 'QQQ'",
                rs -> UnattendedOrdersTest.row(rs, 2))).as("flat, with the realised P&L").containsExactly(List.of(0.0, 22.0));
        assertThat(h.ledger.ownedPositions()).isEmpty();
        assertThat(adjustments()).as("nothing taken for a manual sale").isZero();
        assertThat(next).filteredOn(e -> e.outcome() == OrderOutcome.RECONCILED).extracting(e -> e.order().clientOrderId())
                .containsExactly("sx-20261130-QQQ-eb", "sx-20261130-QQQ-eb-x");
        assertThat(h.fake.requestCount("POST /v2/orders")).as("nothing sent").isEqualTo(posts);

        List<OrderEvent> again = h.cycle(MONDAY.plusDays(2), skip(QQQ));

        assertThat(fills()).as("a second cycle books nothing more").hasSize(2);
        assertThat(again).extracting(OrderEvent::outcome).doesNotContain(OrderOutcome.RECONCILED);
        assertThat(adjustments()).isZero();
    }

    /** The entry fills while down and its leg still works: the leg is tracked from then on, and booked when it fills. */
    @Test
    void aLegStillWorkingIsTrackedAndBookedWhenItFillsWhileDownAgain() throws Exception {
        h.restart(() -> h.fake.fillOrder(sent.id(), 499));

        List<OrderEvent> next = h.cycle(MONDAY.plusDays(1), hold(QQQ, Side.BUY, 510, 2));

        assertThat(next).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(OrderOutcome.KEPT);
            assertThat(e.order().id()).isEqualTo(leg.id());
        });
        assertThat(h.ledger.ownedPositions().get("QQQ").qty()).isEqualTo(2);
        assertThat(h.ledger.trackedOpenOrders()).extracting(TrackedOrder::clientOrderId).containsExactly("sx-20261130-QQQ-eb-x");

        h.restart(() -> h.fake.fillOrder(leg.id(), 511));
        h.cycle(MONDAY.plusDays(2), skip(QQQ));
        h.cycle(MONDAY.plusDays(3), skip(QQQ));

        assertThat(fills()).extracting(r -> r.get(1)).containsExactly("sx-20261130-QQQ-eb", "sx-20261130-QQQ-eb-x");
        assertThat(h.query("SELECT qty, realized_pnl FROM owned_positions WHERE symbol = 'QQQ'",
                rs -> UnattendedOrdersTest.row(rs, 2))).containsExactly(List.of(0.0, 24.0));
        assertThat(adjustments()).isZero();
    }

    private List<List<Object>> fills() throws Exception {
        return h.query("SELECT order_id, client_order_id, side, qty, price, realized_pnl FROM fills ORDER BY rowid",
                rs -> UnattendedOrdersTest.row(rs, 6));
    }

    private int adjustments() throws Exception {
        return h.query("SELECT COUNT(*) FROM position_adjustments",
                rs -> ((Number) UnattendedOrdersTest.row(rs, 1).get(0)).intValue()).get(0);
    }
}
