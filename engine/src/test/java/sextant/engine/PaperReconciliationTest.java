package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderOutcome;
import sextant.core.order.OwnedPosition;
import sextant.core.order.Side;
import sextant.core.order.TrackedOrder;
import sextant.data.SyntheticMarket;
import sextant.paper.PaperBroker;
import sextant.paper.PaperConfig;
import sextant.store.Database;
import sextant.store.SqliteLedger;

/**
 * Defect 10 end to end: with partial fills and pending cancels on, the paper broker shows the orders phase the same
 * races Alpaca does, and after a run of sessions the ledger still equals the paper account.
 */
class PaperReconciliationTest {
    @TempDir
    Path dir;

    @Test
    void withPartialFillsAndPendingCancelsTheLedgerStaysEqualToThePaperAccount() {
        List<Instrument> universe = List.of(Instrument.stock("AAA"), Instrument.stock("BBB"), Instrument.crypto("CCCUSD"));
        SyntheticMarket market = new SyntheticMarket(42);
        AtomicReference<LocalDate> day = new AtomicReference<>(LocalDate.of(2026, 3, 2));
        List<OrderEvent> all = new ArrayList<>();
        int partial = 0;
        try (Database db = Database.openIn(dir)) {
            PaperBroker broker = PaperBroker.open(db, market, day::get, new PaperConfig(100_000, 0.0005, 0.0015, 2, 0, true, true));
            SqliteLedger ledger = new SqliteLedger(db);
            ClientOrderIds ids = new ClientOrderIds("sx");
            OrderSettings settings = new OrderSettings(true, 1, java.time.Duration.ZERO);
            for (int session = 0; session < 12; session++) {
                LocalDate d = day.get();
                long cycle = ledger.startCycle(Instant.now(), d, "paper", "synthetic", "test", universe.size());
                OrderPhase phase = new OrderPhase(broker, ledger, cycle, ids, settings, Clock.systemUTC());
                phase.reconcile();
                Map<String, OwnedPosition> owned = ledger.ownedPositions();
                Map<Instrument, Double> lastClose = new HashMap<>();
                List<SymbolDecision> decisions = new ArrayList<>();
                for (int k = 0; k < universe.size(); k++) {
                    Instrument inst = universe.get(k);
                    BarSeries b = market.dailyBars(inst, d.minusDays(10), d.minusDays(1));
                    double close = b.close()[b.size() - 1];
                    lastClose.put(inst, close);
                    OwnedPosition p = owned.get(inst.symbol());
                    double qty = inst.isCrypto() ? 0.01 : 40;
                    if ((session + k) % 5 == 4) {
                        decisions.add(SymbolDecision.skip(inst, "not picked"));
                    } else if (p == null) {
                        // A new entry price every session: a resting entry is replaced (cancel, pending, maybe a fill).
                        decisions.add(AlpacaAccountHarness.trade(inst, Side.BUY, close * (1 - 0.002 * (1 + session % 3)),
                                close * 1.01, qty));
                    } else {
                        decisions.add(AlpacaAccountHarness.hold(inst, Side.BUY, close * 1.01, Math.abs(p.qty())));
                    }
                }
                all.addAll(phase.run(d, decisions, lastClose));
                partial += (int) phase.fills().stream().filter(f -> f.qty() < (f.instrument().isCrypto() ? 0.01 : 40) - 1e-9).count();
                ledger.finishCycle(cycle, Instant.now(), "ok", new PhaseTimings(), "");
                day.set(d.plusDays(1));
            }
            assertThat(all).noneMatch(e -> e.outcome() == OrderOutcome.FAILED);
            assertThat(partial).as("partial fills seen by the engine").isPositive();
            assertThat(all).anyMatch(e -> e.outcome() == OrderOutcome.CANCEL_PENDING);

            // The last cycle's settlement is what the ledger saw: compare before settling any further bar.
            day.set(day.get().minusDays(1));
            Map<String, Double> paper = new TreeMap<>();
            broker.positions().forEach(p -> paper.put(p.instrument().symbol(), round(p.qty())));
            Map<String, Double> booked = new TreeMap<>();
            ledger.ownedPositions().forEach((s, p) -> booked.put(s, round(p.qty())));
            assertThat(booked).isEqualTo(paper);
            List<String> open = broker.openOrders().stream().map(Order::clientOrderId).sorted().toList();
            List<String> tracked = ledger.trackedOpenOrders().stream().map(TrackedOrder::clientOrderId).sorted().toList();
            assertThat(tracked).isEqualTo(open);
        }
    }

    private static double round(double q) {
        return Math.round(q * 1e6) / 1e6;
    }
}
