package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.OwnedPosition;
import sextant.core.order.Position;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/** The operator's view of the account: Sextant's part, its exits, and what is left alone. */
class HoldingsTest {
    private static final Instrument AAPL = Instrument.stock("AAPL");
    private static final Instrument MSFT = Instrument.stock("MSFT");

    private static Order order(String clientId, Instrument inst, Side side, double qty, double filled) {
        return new Order("id-" + clientId, clientId, inst, side, qty, OrderType.LIMIT, 100, TimeInForce.DAY,
                filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW, filled, filled > 0 ? 100 : Double.NaN,
                Instant.EPOCH);
    }

    @Test
    void aPositionIsExitedOnlyByOwnOrdersOnTheOtherSideForItsWholeQuantity() {
        List<Position> positions = List.of(new Position(AAPL, 15, 90, 110), new Position(MSFT, 4, 300, 310));
        List<Order> open = List.of(
                order("sx-20260303-AAPL-xs", AAPL, Side.SELL, 10, 2),   // 8 left: covers 8 of the 10 Sextant owns
                order("manual-1", AAPL, Side.SELL, 5, 0),               // not Sextant's: does not count as an exit
                order("sx-20260303-MSFT-eb", MSFT, Side.BUY, 1, 0));    // same side: not an exit
        Map<String, Holding> h = Holdings.split("sx", positions, open, Map.of(
                "AAPL", new OwnedPosition("AAPL", 10, 95, 0), "MSFT", new OwnedPosition("MSFT", 4, 300, 0)));

        Holding aapl = h.get("AAPL");
        assertThat(aapl.ownQty()).isEqualTo(10);
        assertThat(aapl.foreignQty()).isEqualTo(5);
        assertThat(aapl.hasForeign()).isTrue();
        assertThat(aapl.exitCoveredQty()).isEqualTo(8);
        assertThat(aapl.lacksExit()).isTrue();
        assertThat(aapl.unrealizedPnl()).isEqualTo(10 * (110 - 95));
        assertThat(h.get("MSFT").lacksExit()).isTrue();
        assertThat(Holdings.withoutExit(h)).extracting(Holding::symbol).containsExactly("AAPL", "MSFT");

        Map<String, Holding> covered = Holdings.split("sx", positions, List.of(order("sx-20260303-AAPL-cs", AAPL,
                Side.SELL, 10, 0)), Map.of("AAPL", new OwnedPosition("AAPL", 10, 95, 0)));
        assertThat(covered.get("AAPL").lacksExit()).isFalse();
        assertThat(covered.get("MSFT").hasOwnPosition()).as("no ledger ownership: all foreign").isFalse();
        assertThat(covered.get("MSFT").lacksExit()).isFalse();
    }
}
