package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.market.Quote;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/** A cycle's worth of Alpaca traffic for 27 symbols stays far under 200 requests in any minute. */
class CycleBudgetTest {
    static List<Instrument> universe() {
        List<Instrument> u = new ArrayList<>();
        for (String s : List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META", "TSLA", "AMD", "NFLX", "ADBE", "CRM", "INTC",
                "ORCL", "QCOM", "AVGO", "COST", "PEP", "KO", "JPM", "V", "MA", "UNH", "SPY", "QQQ")) {
            u.add(Instrument.stock(s));
        }
        u.add(Instrument.crypto("BTCUSD"));
        u.add(Instrument.crypto("ETHUSD"));
        u.add(Instrument.crypto("SOLUSD"));
        return u;
    }

    /** What the engine does in one cycle: check account, bars for all, quotes, state, then two orders per symbol. */
    static int runCycle(AlpacaSession session, LocalDate today) {
        List<Instrument> u = universe();
        AlpacaBroker broker = session.broker();
        Map<Instrument, BarSeries> bars = session.marketData().dailyBars(u, today.minusYears(2), today.minusDays(1));
        Map<Instrument, Quote> quotes = session.marketData().latestQuotes(u);
        broker.account();
        broker.positions();
        broker.openOrders();
        session.trading().clock();
        int placed = 0;
        for (Instrument in : u) {
            BarSeries s = bars.get(in);
            assertThat(s.size()).as(in.symbol()).isGreaterThan(400);
            double close = s.close()[s.size() - 1];
            double qty = in.isCrypto() ? 0.01 : 1;
            String day = today.toString();
            Order entry = broker.submit(OrderRequest.market(in, Side.BUY, qty, TimeInForce.DAY, day + "-" + in.symbol() + "-entry"));
            Order exit = broker.submit(OrderRequest.limit(in, Side.SELL, qty, close * 1.02, in.isCrypto() ? TimeInForce.GTC
                    : TimeInForce.DAY, day + "-" + in.symbol() + "-exit"));
            assertThat(entry.id()).isNotEqualTo(exit.id());
            assertThat(quotes).containsKey(in);
            placed += 2;
        }
        return placed;
    }

    @Test
    void twentySevenSymbolCycleStaysFarUnderTheLimit() {
        try (FakeAlpacaServer fake = FakeAlpacaServer.start()) {
            AlpacaConfig cfg = AlpacaConfig.fromEnv(fake.env());
            AlpacaSession session = AlpacaSession.open(cfg);
            int placed = runCycle(session, LocalDate.now());
            assertThat(placed).isEqualTo(54);
            assertThat(fake.orders()).hasSize(54);
            assertThat(fake.rateLimitedCount()).isZero();
            int max = fake.requestsInAnyMinuteMax();
            System.out.println("27-symbol cycle: " + fake.totalRequests() + " requests, max " + max + " in any minute");
            assertThat(max).isLessThan(200);
            // two years of bars for 27 symbols cost 3 requests (24 stocks: ~12,500 bars = 2 pages of 10,000; 3 crypto
            // pairs: 1 page), not 27 or more
            assertThat(fake.requestCount("GET /v2/stocks/bars")).isEqualTo(2);
            assertThat(fake.requestCount("GET /v1beta3/crypto/us/bars")).isEqualTo(1);
        }
    }

    @Test
    void aHeavyCycleIsSpreadOutByTheLimiterInsteadOfHitting429() {
        FakeTime time = new FakeTime(Instant.parse("2025-03-12T21:00:00Z"));
        try (FakeAlpacaServer fake = FakeAlpacaServer.start(time)) {
            AlpacaConfig cfg = FakeSetup.config(fake).requestTimeout(Duration.ofSeconds(10)).requestsPerMinute(60).build();
            AlpacaSession session = AlpacaSession.open(cfg, time, time, 11);
            fake.rateLimitPerMinute(60);
            runCycle(session, LocalDate.of(2025, 3, 13));
            assertThat(fake.totalRequests()).isGreaterThan(60); // more than one minute's budget was needed
            assertThat(fake.requestsInAnyMinuteMax()).isLessThanOrEqualTo(60);
            assertThat(fake.rateLimitedCount()).isZero();
            assertThat(fake.orders()).hasSize(54);
        }
    }
}
