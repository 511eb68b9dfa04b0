package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeOrder;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.OwnedPosition;
import sextant.core.order.Side;
import sextant.core.order.TrackedOrder;

/**
 * Ten sessions against the fake Alpaca with fills (whole and partial) injected between sessions, DAY orders expiring
 * at each session's end, and a manual position and order in the account. After the last cycle the ledger's positions,
 * open orders and fills equal the broker's.
 */
class TenSessionReconciliationTest {
    static final Map<Instrument, Double> PRICES = Map.of(Instrument.stock("AAPL"), 100.0, Instrument.stock("MSFT"), 200.0,
            Instrument.crypto("BTCUSD"), 50_000.0, Instrument.crypto("LINKUSD"), 20.0);

    @Test
    void afterTenSessionsTheLedgerEqualsTheBroker() throws Exception {
        try (AlpacaAccountHarness h = new AlpacaAccountHarness()) {
            PRICES.forEach((i, p) -> h.fake.setPrice(i.symbol(), p));
            h.fake.setPrice("SPY", 500);
            h.fake.setPosition("SPY", 7, 480);
            h.fake.placeManualOrder("manual-spy-stop", "SPY", "sell", "stop", 7, Double.NaN, 450);
            List<Instrument> universe = new ArrayList<>(new TreeMap<>(bySymbol()).values());
            LocalDate day = LocalDate.of(2026, 11, 2);
            int fillsInjected = 0;
            List<OrderEvent> all = new ArrayList<>();
            for (int session = 0; session < 10; session++) {
                while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    day = day.plusDays(1);
                }
                List<SymbolDecision> decisions = new ArrayList<>();
                Map<String, OwnedPosition> owned = h.ledger.ownedPositions();
                for (int k = 0; k < universe.size(); k++) {
                    Instrument inst = universe.get(k);
                    double px = PRICES.get(inst);
                    double qty = inst.isCrypto() ? (inst.symbol().startsWith("BTC") ? 0.1 : 10) : 5;
                    OwnedPosition p = owned.get(inst.symbol());
                    boolean wanted = (session + k) % 4 != 3; // every fourth session a symbol is not picked: it is closed
                    if (!wanted) {
                        decisions.add(AlpacaAccountHarness.skip(inst));
                    } else if (p == null) {
                        decisions.add(AlpacaAccountHarness.trade(inst, Side.BUY, tick(inst, px * (0.99 - 0.001 * session)),
                                tick(inst, px * 1.02), qty));
                    } else {
                        decisions.add(AlpacaAccountHarness.hold(inst, Side.BUY, tick(inst, px * (1.02 + 0.001 * (session % 2))),
                                Math.abs(p.qty())));
                    }
                }
                all.addAll(h.cycle(day, decisions.toArray(new SymbolDecision[0])));
                if (session == 9) {
                    break;
                }
                // Between sessions: some of Sextant's orders fill, whole or in part; then the session's DAY orders expire.
                int n = 0;
                for (FakeOrder o : h.fake.orders()) {
                    if (!o.clientOrderId().startsWith("sx-") || !List.of("new", "partially_filled").contains(o.status())) {
                        continue;
                    }
                    n++;
                    double left = o.qty() - o.filledQty();
                    double price = Double.isNaN(o.limitPrice()) ? h.fake.price(o.symbol()) : o.limitPrice();
                    if ((n + session) % 3 == 0) {
                        h.fake.fillOrder(o.id(), price);
                        fillsInjected++;
                    } else if ((n + session) % 3 == 1) {
                        h.fake.fillOrderPart(o.id(), round(left / 2), price);
                        fillsInjected++;
                    }
                }
                h.fake.expireDayOrders();
                day = day.plusDays(1);
            }
            assertThat(fillsInjected).isGreaterThan(10);
            assertThat(all).noneMatch(e -> e.outcome() == sextant.core.order.OrderOutcome.FAILED);
            java.util.Set<sextant.core.order.OrderOutcome> seen = java.util.EnumSet.noneOf(sextant.core.order.OrderOutcome.class);
            all.forEach(e -> seen.add(e.outcome()));
            assertThat(seen).contains(sextant.core.order.OrderOutcome.SUBMITTED, sextant.core.order.OrderOutcome.RECONCILED,
                    sextant.core.order.OrderOutcome.LEFT_ALONE, sextant.core.order.OrderOutcome.CANCELLED);

            // Positions: the ledger's owned positions are exactly the broker's, apart from the manual SPY position.
            Map<String, Double> broker = new TreeMap<>();
            h.broker.positions().forEach(p -> broker.put(p.instrument().symbol(), p.qty()));
            assertThat(broker.remove("SPY")).isEqualTo(7.0);
            Map<String, Double> ledger = new TreeMap<>();
            h.ledger.ownedPositions().forEach((s, p) -> ledger.put(s, round(p.qty())));
            broker.replaceAll((s, q) -> round(q));
            assertThat(ledger).isEqualTo(broker);
            assertThat(ledger).isNotEmpty();

            // Open orders: the ones the ledger tracks as open are the broker's open orders of Sextant.
            List<String> brokerOpen = h.broker.openOrders().stream().map(o -> o.clientOrderId())
                    .filter(c -> c.startsWith("sx-")).sorted().toList();
            List<String> ledgerOpen = h.ledger.trackedOpenOrders().stream().map(TrackedOrder::clientOrderId).sorted().toList();
            assertThat(ledgerOpen).isEqualTo(brokerOpen);
            assertThat(h.broker.openOrders()).anySatisfy(o -> assertThat(o.clientOrderId()).isEqualTo("manual-spy-stop"));

            // Fills: per order, the ledger has booked exactly what the broker reports filled.
            Map<String, Double> brokerFilled = new TreeMap<>();
            for (FakeOrder o : h.fake.orders()) {
                if (o.clientOrderId().startsWith("sx-") && o.filledQty() > 0) {
                    brokerFilled.put(o.clientOrderId(), round(o.filledQty()));
                }
            }
            Map<String, Double> ledgerFilled = new TreeMap<>();
            h.query("SELECT client_order_id, SUM(qty) FROM fills GROUP BY client_order_id",
                    rs -> UnattendedOrdersTest.row(rs, 2)).forEach(r -> ledgerFilled.put((String) r.get(0),
                    round(((Number) r.get(1)).doubleValue())));
            assertThat(ledgerFilled).isEqualTo(brokerFilled);
        }
    }

    private static Map<String, Instrument> bySymbol() {
        Map<String, Instrument> m = new HashMap<>();
        PRICES.keySet().forEach(i -> m.put(i.symbol(), i));
        return m;
    }

    private static double tick(Instrument i, double p) {
        if (i.symbol().startsWith("BTC")) {
            return Math.round(p);
        }
        return Math.round(p * 100) / 100.0;
    }

    private static double round(double q) {
        return Math.round(q * 1e6) / 1e6;
    }
}
