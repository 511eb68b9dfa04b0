package sextant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.market.Instrument;
import sextant.core.order.PlanStatus;
import sextant.core.order.PositionPlan;
import sextant.core.order.Side;

class PositionPlanLedgerTest {
    @TempDir
    Path dir;

    private static final Instant OPENED = Instant.parse("2026-03-02T13:00:00Z");

    private static PositionPlan plan(Instrument inst, String entryId, double takeProfit, double stop) {
        return new PositionPlan(0, inst, Side.BUY, 12, 0, LocalDate.of(2026, 3, 2), "maxdiff", entryId, 100.25,
                takeProfit, stop, true, 1, PlanStatus.PENDING, "entry placed");
    }

    @Test
    void aPlanIsRecordedOnceAndReadBackExactly() {
        try (Database db = Database.openIn(dir); SqliteLedger ledger = new SqliteLedger(db)) {
            long cycle = ledger.startCycle(Instant.EPOCH, LocalDate.of(2026, 3, 2), "paper", "d", "m", 2);
            PositionPlan first = ledger.recordPositionPlan(cycle, OPENED, plan(Instrument.stock("AAPL"), "sx-20260302-AAPL-eb", 102.5, Double.NaN));
            PositionPlan again = ledger.recordPositionPlan(cycle, OPENED, plan(Instrument.stock("AAPL"), "sx-20260302-AAPL-eb", 999, 1));

            assertThat(first.id()).isPositive();
            assertThat(again).isEqualTo(first); // a repeated step records nothing new and returns what is there
            assertThat(first.openedCycleId()).isEqualTo(cycle);
            assertThat(first.takeProfitPrice()).isEqualTo(102.5);
            assertThat(first.hasStop()).isFalse();
            assertThat(first.closeAtEod()).isTrue();
            assertThat(ledger.activePositionPlans()).containsExactly(first);
        }
    }

    @Test
    void statusChangesAreKeptAndClosedPlansAreNoLongerActive() throws Exception {
        try (Database db = Database.openIn(dir); SqliteLedger ledger = new SqliteLedger(db)) {
            long cycle = ledger.startCycle(Instant.EPOCH, LocalDate.of(2026, 3, 2), "paper", "d", "m", 2);
            PositionPlan btc = ledger.recordPositionPlan(cycle, OPENED, plan(Instrument.crypto("BTCUSD"), "sx-20260302-BTCUSD-eb", Double.NaN, 90));
            PositionPlan msft = ledger.recordPositionPlan(cycle, OPENED, plan(Instrument.stock("MSFT"), "sx-20260302-MSFT-eb", 101, 95));
            ledger.updatePositionPlan(btc.id(), PlanStatus.OPEN, Instant.parse("2026-03-02T14:30:00Z"), "entry filled 12 @ 100.1");
            ledger.updatePositionPlan(msft.id(), PlanStatus.CANCELLED, Instant.parse("2026-03-02T21:00:00Z"), "entry expired");

            assertThat(ledger.activePositionPlans()).singleElement().satisfies(p -> {
                assertThat(p.instrument()).isEqualTo(Instrument.crypto("BTCUSD"));
                assertThat(p.status()).isEqualTo(PlanStatus.OPEN);
                assertThat(p.note()).isEqualTo("entry filled 12 @ 100.1");
                assertThat(p.hasTakeProfit()).isFalse();
                assertThat(p.stopPrice()).isEqualTo(90);
            });
            try (Statement s = db.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT status, at FROM position_plan_events WHERE plan_id = " + btc.id() + " ORDER BY rowid")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("pending");
                assertThat(rs.getString(2)).as("the cycle's instant, not the wall clock's").isEqualTo(OPENED.toString());
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("open");
                assertThat(rs.next()).isFalse();
            }
            assertThatThrownBy(() -> ledger.updatePositionPlan(9999, PlanStatus.CLOSED, Instant.EPOCH, "x"))
                    .hasMessageContaining("no position plan with id 9999");
        }
    }
}
