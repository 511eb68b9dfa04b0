package sextant.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sextant.core.calendar.CryptoCalendar;
import sextant.core.calendar.NyseCalendar;
import sextant.core.market.Instrument;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.Position;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.core.port.MarketCalendar;
import sextant.core.port.OrderRefusedException;

/**
 * The intraday clock ({@code paper:daily-bar-path}): a session's bar is the path open, first extreme (open + 1/3),
 * second extreme (open + 2/3), close (close - 1 min), extremes adverse to the exposure at the open.
 *
 * <p>NYSE in early March 2025 (before daylight saving) opens 14:30 UTC and closes 21:00 UTC: the points are 14:30,
 * 16:40, 18:50 and 20:59.
 */
class PaperIntradayTest extends PaperBrokerFixture {
    static final Instrument AAA = Instrument.stock("AAA");
    static final Instrument BBB = Instrument.stock("BBB");
    static final Instrument COIN = Instrument.crypto("COINUSD");
    static final PaperConfig MARGIN = new PaperConfig(100_000, 0, 0, 2);

    final AtomicReference<Instant> now = new AtomicReference<>(at(D1, "13:00"));
    final AtomicBoolean calendarBroken = new AtomicBoolean();
    final TableBars bars = new TableBars();
    PaperBroker broker;

    @BeforeEach
    void open() {
        for (Instrument i : List.of(AAA, BBB, COIN)) {
            bars.add(i, D1.minusDays(3), 100, 101, 99, 100)
                    .add(i, D1, 100, 104, 97, 101)
                    .add(i, D2, 101, 103, 99, 102)
                    .add(i, D3, 95, 98, 94, 97);
        }
        broker = reopen(MARGIN);
    }

    PaperBroker reopen(PaperConfig config) {
        NyseCalendar nyse = new NyseCalendar();
        return PaperBroker.openIntraday(reopenDatabase(), bars, now::get, i -> calendar(i, nyse), config);
    }

    private MarketCalendar calendar(Instrument i, NyseCalendar nyse) {
        if (calendarBroken.get() && i.equals(BBB)) {
            throw new IllegalStateException("calendar lost for BBB");
        }
        return i.isCrypto() ? CryptoCalendar.INSTANCE : nyse;
    }

    static Instant at(LocalDate day, String hhmm) {
        return Instant.parse(day + "T" + hhmm + ":00Z");
    }

    @Test
    void aLongEntryFillsAtTheOpenAndTakesProfitAtTheHighTheSameSession() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 100.5, TimeInForce.DAY, "entry"));
        now.set(at(D1, "14:31"));
        assertThat(broker.takeNewFills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(100); // the open, already below the limit
            assertThat(f.at()).isEqualTo(at(D1, "14:30"));
        });
        broker.submit(OrderRequest.limit(AAA, Side.SELL, 10, 103, TimeInForce.DAY, "tp"));
        now.set(at(D1, "16:39"));
        assertThat(status("tp")).isEqualTo(OrderStatus.NEW);
        now.set(at(D1, "16:40"));
        assertThat(broker.takeNewFills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(103);
            assertThat(f.at()).isEqualTo(at(D1, "16:40"));
        });
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.account().cash()).isCloseTo(100_030, within(1e-9));
    }

    @Test
    void anEntryFillingAtTheLowDoesNotTakeAProfitAboveTheCloseThatSession() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 98, TimeInForce.DAY, "entry"));
        now.set(at(D1, "18:51"));
        assertThat(broker.takeNewFills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(98);
            assertThat(f.at()).isEqualTo(at(D1, "18:50")); // long: the high came first, the low second
        });
        broker.submit(OrderRequest.limit(AAA, Side.SELL, 10, 102, TimeInForce.GTC, "tp"));
        now.set(at(D1, "21:30"));
        assertThat(status("tp")).isEqualTo(OrderStatus.NEW); // from the low only the close (101) is left
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.marketPrice()).isEqualTo(101));
        now.set(at(D2, "17:00"));
        assertThat(status("tp")).isEqualTo(OrderStatus.NEW); // held long at the open: the low comes first
        now.set(at(D2, "19:00"));
        Order tp = broker.findByClientOrderId("tp").orElseThrow();
        assertThat(tp.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(tp.filledAvgPrice()).isEqualTo(102); // the next session's high (103), at its second extreme
        assertThat(broker.takeNewFills()).extracting(Fill::at).containsExactly(at(D2, "18:50"));
    }

    @Test
    void aShortMirrorsTheLong() {
        // AAA: a short entered at the open covers at the low, which a short meets first.
        broker.submit(OrderRequest.limit(AAA, Side.SELL, 10, 99.5, TimeInForce.DAY, "short"));
        // BBB: a short entered at the high (its second extreme) cannot cover below the close that session.
        broker.submit(OrderRequest.limit(BBB, Side.SELL, 10, 103, TimeInForce.DAY, "short-b"));
        now.set(at(D1, "14:31"));
        assertThat(broker.findByClientOrderId("short").orElseThrow().filledAvgPrice()).isEqualTo(100);
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 98, TimeInForce.DAY, "cover"));
        now.set(at(D1, "18:51"));
        assertThat(broker.findByClientOrderId("cover").orElseThrow().filledAvgPrice()).isEqualTo(98);
        assertThat(broker.findByClientOrderId("short-b").orElseThrow().filledAvgPrice()).isEqualTo(103);
        broker.submit(OrderRequest.limit(BBB, Side.BUY, 10, 100.5, TimeInForce.GTC, "cover-b"));
        now.set(at(D1, "21:30"));
        assertThat(status("cover-b")).isEqualTo(OrderStatus.NEW); // from the high only the close (101) is left
        assertThat(broker.takeNewFills()).extracting(Fill::clientOrderId, Fill::at).containsExactly(
                tuple("short", at(D1, "14:30")),
                tuple("short-b", at(D1, "18:50")),
                tuple("cover", at(D1, "16:40")));
        assertThat(broker.positions()).singleElement().satisfies(p -> {
            assertThat(p.instrument()).isEqualTo(BBB);
            assertThat(p.qty()).isEqualTo(-10);
        });
    }

    @Test
    void aStopSellTriggersAtTheStopOrAtAGapOpenBelowIt() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 100.5, TimeInForce.DAY, "entry"));
        now.set(at(D1, "14:31"));
        broker.submit(OrderRequest.stop(AAA, Side.SELL, 10, 98, TimeInForce.GTC, "stop"));
        now.set(at(D1, "18:49"));
        assertThat(status("stop")).isEqualTo(OrderStatus.NEW); // the high (104) came first
        now.set(at(D1, "18:50"));
        Order stop = broker.findByClientOrderId("stop").orElseThrow();
        assertThat(stop.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(stop.filledAvgPrice()).isEqualTo(98); // the low 97 passed through the stop
        now.set(at(D2, "13:00"));
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 101.5, TimeInForce.DAY, "entry-2"));
        now.set(at(D2, "14:31"));
        broker.submit(OrderRequest.stop(AAA, Side.SELL, 10, 96.5, TimeInForce.GTC, "stop-2"));
        now.set(at(D3, "14:00"));
        assertThat(status("stop-2")).isEqualTo(OrderStatus.NEW); // D2 traded 99..103
        now.set(at(D3, "14:30"));
        assertThat(broker.findByClientOrderId("stop-2").orElseThrow().filledAvgPrice()).isEqualTo(95); // gap open
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.account().cash()).isCloseTo(100_000 - 1000 + 980 - 1010 + 950, within(1e-9));
        assertThatThrownBy(() -> broker.submit(OrderRequest.stop(COIN, Side.BUY, 1, 110, TimeInForce.GTC, "c-stop")))
                .isInstanceOf(OrderRefusedException.class).hasMessageContaining("COINUSD: stop orders are not offered");
    }

    @Test
    void aLongHeldAtTheOpenMeetsTheLowFirstSoItsStopFillsBeforeTheHigh() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 100.5, TimeInForce.DAY, "entry"));
        now.set(at(D1, "21:30")); // filled at D1's open (100), held into D2
        broker.submit(OrderRequest.stop(AAA, Side.SELL, 10, 99.5, TimeInForce.GTC, "stop"));
        now.set(at(D2, "16:40"));
        Order stop = broker.findByClientOrderId("stop").orElseThrow();
        assertThat(stop.status()).isEqualTo(OrderStatus.FILLED); // D2: open 101, then its low 99, then its high 103
        assertThat(stop.filledAvgPrice()).isEqualTo(99.5);
        assertThat(broker.takeNewFills()).extracting(Fill::at).containsExactly(at(D1, "14:30"), at(D2, "16:40"));
    }

    @Test
    void dayOrdersStillWorkingAtTheCloseExpire() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 96, TimeInForce.DAY, "day"));
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 96, TimeInForce.GTC, "gtc"));
        now.set(at(D1, "20:58"));
        assertThat(status("day")).isEqualTo(OrderStatus.NEW);
        now.set(at(D1, "20:59"));
        assertThat(status("day")).isEqualTo(OrderStatus.EXPIRED);
        assertThat(status("gtc")).isEqualTo(OrderStatus.NEW);
        // A DAY order sent after the close point works the next session: D2's low 99 is its second extreme.
        now.set(at(D1, "21:30"));
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 100, TimeInForce.DAY, "late"));
        now.set(at(D2, "18:50"));
        assertThat(broker.takeNewFills()).singleElement().satisfies(f -> {
            assertThat(f.clientOrderId()).isEqualTo("late");
            assertThat(f.price()).isEqualTo(100);
            assertThat(f.at()).isEqualTo(at(D2, "18:50"));
        });
    }

    @Test
    void aMarketOrderSentAfterAPointFillsAtTheNextAndAFlattenInTheLastMinutesFillsAtTheClose() {
        now.set(at(D1, "16:41"));
        broker.submit(OrderRequest.market(AAA, Side.BUY, 10, TimeInForce.DAY, "mkt"));
        now.set(at(D1, "18:49"));
        assertThat(status("mkt")).isEqualTo(OrderStatus.NEW);
        now.set(at(D1, "18:50"));
        assertThat(broker.findByClientOrderId("mkt").orElseThrow().filledAvgPrice()).isEqualTo(97);
        now.set(at(D1, "20:58"));
        broker.submit(OrderRequest.market(AAA, Side.SELL, 10, TimeInForce.DAY, "flatten"));
        now.set(at(D1, "20:59"));
        assertThat(broker.takeNewFills()).extracting(Fill::price, Fill::at).containsExactly(
                tuple(97.0, at(D1, "18:50")),
                tuple(101.0, at(D1, "20:59")));
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void partialFillsComeOncePerSessionAndAPendingCancelLetsTheNextPointFill() {
        broker = reopen(new PaperConfig(100_000, 0, 0, 2, 0, true, true));
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 100.5, TimeInForce.GTC, "part"));
        now.set(at(D1, "21:30"));
        Order d1 = broker.findByClientOrderId("part").orElseThrow();
        assertThat(d1.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(d1.filledQty()).isEqualTo(5); // half at the open; the low (97) of the same session adds nothing
        now.set(at(D2, "19:00"));
        assertThat(broker.findByClientOrderId("part").orElseThrow().filledQty()).isEqualTo(8); // D2's low 99
        broker.cancel(d1.id());
        now.set(at(D3, "14:31"));
        Order d3 = broker.findByClientOrderId("part").orElseThrow();
        assertThat(d3.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(d3.filledQty()).isEqualTo(9); // the cancel took effect after D3's open had filled one more
        assertThat(broker.takeNewFills()).extracting(Fill::qty, Fill::price, Fill::at).containsExactly(
                tuple(5.0, 100.0, at(D1, "14:30")),
                tuple(3.0, 100.5, at(D2, "16:40")), // 5 held long at D2's open: its low is the first extreme
                tuple(1.0, 95.0, at(D3, "14:30")));
    }

    @Test
    void reopeningMidSessionAppliesNoPointTwice() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 100.5, TimeInForce.DAY, "entry"));
        now.set(at(D1, "14:31"));
        assertThat(broker.positions()).extracting(Position::qty).containsExactly(10.0);
        broker = reopen(MARGIN); // a new process at the same instant
        assertThat(broker.positions()).extracting(Position::qty).containsExactly(10.0);
        assertThat(count("SELECT COUNT(*) FROM paper_fills")).isEqualTo(1);
        broker.submit(OrderRequest.limit(AAA, Side.SELL, 10, 103, TimeInForce.DAY, "tp"));
        now.set(at(D1, "17:00"));
        broker = reopen(MARGIN);
        assertThat(broker.positions()).isEmpty();
        broker = reopen(MARGIN);
        assertThat(broker.account().cash()).isCloseTo(100_030, within(1e-9));
        assertThat(count("SELECT COUNT(*) FROM paper_fills")).isEqualTo(2);
        assertThat(broker.takeNewFills()).extracting(Fill::clientOrderId).containsExactly("entry", "tp");
    }

    @Test
    void aPassThatDiesHalfWayCommitsNothingAndTheNextAppliesItOnce() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 100.5, TimeInForce.DAY, "a"));
        broker.submit(OrderRequest.limit(BBB, Side.BUY, 10, 100.5, TimeInForce.DAY, "b"));
        now.set(at(D1, "14:31"));
        calendarBroken.set(true); // AAA is settled first, then BBB fails: the whole pass is rolled back
        assertThatThrownBy(() -> broker.positions()).hasMessageContaining("calendar lost for BBB");
        assertThat(count("SELECT COUNT(*) FROM paper_fills")).isZero();
        assertThat(count("SELECT COUNT(*) FROM paper_progress")).isZero();
        calendarBroken.set(false);
        broker = reopen(MARGIN);
        assertThat(broker.positions()).extracting(Position::qty).containsExactly(10.0, 10.0);
        assertThat(count("SELECT COUNT(*) FROM paper_fills")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM paper_progress WHERE day = " + D1.toEpochDay() + " AND point = 0"))
                .isEqualTo(2);
    }

    @Test
    void aClockBeforeWhatASymbolSettledIsRefused() {
        broker.submit(OrderRequest.limit(AAA, Side.BUY, 10, 90, TimeInForce.GTC, "resting"));
        now.set(at(D1, "17:00"));
        assertThat(broker.openOrders()).hasSize(1);
        now.set(at(D1, "15:00"));
        broker = reopen(MARGIN);
        assertThatThrownBy(() -> broker.account()).hasMessageContaining("AAA: the paper account has already settled it"
                + " through 2025-03-03T16:40:00Z");
    }

    private int count(String sql) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private OrderStatus status(String clientId) {
        return broker.findByClientOrderId(clientId).orElseThrow().status();
    }
}
