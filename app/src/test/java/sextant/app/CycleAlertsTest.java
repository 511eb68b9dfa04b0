package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.alert.Alert;
import sextant.core.alert.AlertEvent;
import sextant.core.alert.AlertLevel;
import sextant.core.market.Instrument;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OrderRequest;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.engine.OrderEvent;

/** Which order events become alerts, at which level, and what the message names. */
class CycleAlertsTest {
    private static final Instant AT = Instant.parse("2026-12-03T01:05:00Z");

    @Test
    void refusedAndFailedOrdersAreAlertsTheRestAreNot() {
        List<Alert> sent = new ArrayList<>();
        OrderRequest entry = OrderRequest.limit(Instrument.stock("AAPL"), Side.BUY, 3, 100, TimeInForce.DAY,
                "sx-20261203-AAPL-eb");
        CycleAlerts.orders(sent::add, List.of(
                new OrderEvent(OrderOutcome.SUBMITTED, "AAPL", entry, null, "entry"),
                new OrderEvent(OrderOutcome.REFUSED, "AAPL", entry, null, "pattern-day-trader rule"),
                new OrderEvent(OrderOutcome.FAILED, "MSFT", null, null, "HTTP 422 insufficient buying power"),
                new OrderEvent(OrderOutcome.LEFT_ALONE, "TSLA", null, null, "not Sextant's")), AT);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).event()).isEqualTo(AlertEvent.ORDER_REJECTED);
        assertThat(sent.get(0).level()).isEqualTo(AlertLevel.WARNING);
        assertThat(sent.get(0).symbol()).contains("AAPL");
        assertThat(sent.get(0).message()).isEqualTo("order refused sx-20261203-AAPL-eb: pattern-day-trader rule");
        assertThat(sent.get(1).level()).isEqualTo(AlertLevel.CRITICAL);
        assertThat(sent.get(1).message()).isEqualTo("order failed: HTTP 422 insufficient buying power");
        assertThat(sent).allSatisfy(a -> assertThat(a.at()).isEqualTo(AT));
    }
}
