package sextant.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.core.port.MarketData;
import sextant.core.port.MarketDataException;
import sextant.testkit.FixedMarketData;

/** Settlement advances only through bars it has, and one unreadable symbol does not stop the others. */
class PaperSettlementTest extends SmallAccountFixture {
    static final Instrument GOOD = Instrument.stock("GOOD");
    static final Instrument BAD = Instrument.stock("BAD");
    volatile boolean badIsBroken;
    // Two bars, D1 and D2, for every symbol; BAD's file can be made unreadable.
    final MarketData bars = new FixedMarketData(List.of(D1, D2), new double[] {100, 99}, new double[] {102, 100},
            new double[] {98, 95}, new double[] {101, 96}) {
        @Override
        public BarSeries dailyBars(Instrument i, LocalDate from, LocalDate to) {
            if (badIsBroken && i.equals(BAD)) {
                throw new MarketDataException("BAD.csv: line 7: close 'x' is not a number");
            }
            return super.dailyBars(i, from, to);
        }
    };

    @Override
    MarketData bars() {
        return bars;
    }

    @Test
    void aFutureCycleDateSettlesOnlyThroughTheNewestBarSoTheRealNextCycleStillRuns() {
        broker.submit(OrderRequest.limit(GOOD, Side.BUY, 1, 90, TimeInForce.GTC, "resting"));
        today.set(D2);
        broker.account();
        assertThat(settledThrough()).isEqualTo(D1);
        today.set(LocalDate.of(2030, 1, 1)); // a typo'd --as-of
        broker.account();
        assertThat(settledThrough()).isEqualTo(D2);
        today.set(D2.plusDays(1)); // the real next cycle
        assertThat(broker.account().equity()).isEqualTo(10_000);
        assertThat(broker.findByClientOrderId("resting").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aSymbolWhoseBarsCannotBeReadIsSkippedAndTheOthersSettle() {
        broker.submit(OrderRequest.limit(GOOD, Side.BUY, 1, 99, TimeInForce.GTC, "good"));
        broker.submit(OrderRequest.limit(BAD, Side.BUY, 1, 99, TimeInForce.GTC, "bad"));
        badIsBroken = true;
        today.set(D2.plusDays(1));
        assertThat(broker.findByClientOrderId("good").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(broker.findByClientOrderId("bad").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        // The mark did not move past what BAD has been settled through, so BAD's bars are applied once fixed.
        assertThat(settledThrough()).isNull();
        badIsBroken = false;
        openSmallAccount(); // the next run, once the file is fixed
        assertThat(broker.findByClientOrderId("bad").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(broker.positions()).hasSize(2).allSatisfy(p -> assertThat(p.qty()).isEqualTo(1));
        assertThat(settledThrough()).isEqualTo(D2);
    }

    /** The account's settled-through day, or null while it has never settled. */
    private LocalDate settledThrough() {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT settled_through FROM paper_account")) {
                rs.next();
                int d = rs.getInt(1);
                return d == PaperBook.NEVER_SETTLED ? null : LocalDate.ofEpochDay(d);
            }
        });
    }
}
