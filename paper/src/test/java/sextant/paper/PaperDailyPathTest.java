package sextant.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.market.Instrument;
import sextant.core.order.Fill;
import sextant.core.order.LimitFillRule;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.OrderStatus;
import sextant.core.order.OrderType;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;
import sextant.store.Database;

/**
 * The daily clock applies each bar whole along its path ({@code paper:daily-bar-path}); that must be exactly the rule
 * the broker had before the path existed: an order sent on D may fill from the bar dated D; a limit fills on the
 * first such bar whose range trades strictly through it (by the slippage margin), at min(limit, open) for a buy and
 * max(limit, open) for a sell; a market order at the open (slippage worse); a DAY order lives for that one bar; every
 * fill is stamped 20:00 UTC of its bar. The expected fills here are computed from that rule alone.
 */
class PaperDailyPathTest {
    static final LocalDate FIRST = LocalDate.of(2025, 3, 3); // Monday
    static final double SLIPPAGE_BPS = 5;

    @TempDir
    Path dir;

    record Planned(Instrument instrument, int day, OrderRequest request) {
    }

    @Test
    void theDailyClockFillsEveryOrderAsTheOldWholeBarRuleDoes() {
        Random rnd = new Random(20261203);
        List<LocalDate> days = weekdays(FIRST, 10);
        TableBars bars = new TableBars();
        Map<String, double[][]> ohlc = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            Instrument inst = Instrument.stock("S" + k);
            double close = 50 + rnd.nextDouble() * 100;
            double[][] rows = new double[days.size()][];
            bars.add(inst, FIRST.minusDays(3), close, close, close, close);
            for (int d = 0; d < days.size(); d++) {
                double open = close * (1 + rnd.nextGaussian() * 0.01);
                double next = open * (1 + rnd.nextGaussian() * 0.015);
                double high = Math.max(open, next) * (1 + rnd.nextDouble() * 0.01);
                double low = Math.min(open, next) * (1 - rnd.nextDouble() * 0.01);
                rows[d] = new double[] {open, high, low, next};
                bars.add(inst, days.get(d), open, high, low, next);
                close = next;
            }
            ohlc.put(inst.symbol(), rows);
            int day = rnd.nextInt(days.size() - 3);
            double reference = day == 0 ? rows[0][0] : rows[day - 1][3];
            Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
            TimeInForce tif = rnd.nextBoolean() ? TimeInForce.DAY : TimeInForce.GTC;
            String id = "o-" + k;
            OrderRequest r = rnd.nextInt(5) == 0 ? OrderRequest.market(inst, side, 3, tif, id)
                    : OrderRequest.limit(inst, side, 3, Math.round(reference * (1 + (rnd.nextDouble() * 2 - 1) * 0.03)
                    * 100) / 100.0, tif, id);
            plan.add(new Planned(inst, day, r));
        }
        AtomicReference<LocalDate> today = new AtomicReference<>(days.get(0));
        try (Database db = Database.openIn(dir)) {
            PaperBroker broker = PaperBroker.open(db, bars, today::get,
                    new PaperConfig(1_000_000, 0.001, 0.002, 4, SLIPPAGE_BPS, false, false));
            for (int d = 0; d < days.size(); d++) {
                today.set(days.get(d));
                for (Planned p : plan) {
                    if (p.day() == d) {
                        broker.submit(p.request());
                    }
                }
            }
            today.set(days.get(days.size() - 1).plusDays(1));
            Map<String, Fill> fills = new HashMap<>();
            broker.takeNewFills().forEach(f -> fills.put(f.clientOrderId(), f));
            int filled = 0;
            int expired = 0;
            for (Planned p : plan) {
                Expected want = expected(p, ohlc.get(p.instrument().symbol()), days);
                Order got = broker.findByClientOrderId(p.request().clientOrderId()).orElseThrow();
                assertThat(got.status()).as(p.request().clientOrderId()).isEqualTo(want.status());
                if (want.status() == OrderStatus.FILLED) {
                    filled++;
                    Fill f = fills.get(p.request().clientOrderId());
                    assertThat(f.price()).as(p.request().clientOrderId()).isEqualTo(want.price());
                    assertThat(f.at()).isEqualTo(want.day().atTime(20, 0).toInstant(ZoneOffset.UTC));
                } else if (want.status() == OrderStatus.EXPIRED) {
                    expired++;
                }
            }
            // The scenario exercises every branch: fills, expiries and orders still working.
            assertThat(filled).isGreaterThan(5);
            assertThat(expired).isGreaterThan(3);
            assertThat(filled + expired).isLessThan(plan.size());
        }
    }

    record Expected(OrderStatus status, double price, LocalDate day) {
    }

    /** The whole-bar rule, as it was written before the path. */
    private static Expected expected(Planned p, double[][] rows, List<LocalDate> days) {
        OrderRequest r = p.request();
        for (int d = p.day(); d < days.size(); d++) {
            double open = rows[d][0];
            if (r.type() == OrderType.MARKET) {
                return new Expected(OrderStatus.FILLED, LimitFillRule.marketPrice(r.side(), open, SLIPPAGE_BPS), days.get(d));
            }
            if (LimitFillRule.fills(r.side(), r.limitPrice(), rows[d][2], rows[d][1], SLIPPAGE_BPS)) {
                return new Expected(OrderStatus.FILLED, LimitFillRule.price(r.side(), r.limitPrice(), open), days.get(d));
            }
            if (r.timeInForce() == TimeInForce.DAY) {
                return new Expected(OrderStatus.EXPIRED, Double.NaN, days.get(d));
            }
        }
        return new Expected(OrderStatus.NEW, Double.NaN, days.get(days.size() - 1));
    }

    private static List<LocalDate> weekdays(LocalDate from, int n) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; out.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
        }
        return out;
    }
}
