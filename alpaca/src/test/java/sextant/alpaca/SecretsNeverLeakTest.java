package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.alpaca.fake.Fault;
import sextant.core.market.Instrument;
import sextant.core.order.OrderRequest;
import sextant.core.order.Side;
import sextant.core.order.TimeInForce;

/** Drives every fault path with DEBUG logging captured and proves the keys appear in no log line, message or trace. */
class SecretsNeverLeakTest {
    private static final String WRONG_ID = "PKWRONGID9988776655";
    private static final String WRONG_SECRET = "wrong-secret-zz-99887766";

    @Test
    void keysNeverAppearInLogsExceptionsOrToString() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger alpacaLogger = ctx.getLogger("sextant.alpaca");
        Level before = alpacaLogger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(ctx);
        appender.start();
        alpacaLogger.setLevel(Level.DEBUG);
        alpacaLogger.addAppender(appender);
        List<String> texts = new ArrayList<>();
        FakeTime time = FakeSetup.time();
        try (FakeAlpacaServer fake = FakeAlpacaServer.start()) {
            AlpacaConfig cfg = FakeSetup.config(fake).build();
            texts.add(cfg.toString());
            AlpacaSession session = AlpacaSession.open(cfg, time, time, 9);
            AlpacaTradingClient c = session.trading();
            AlpacaBroker broker = session.broker();

            // a server that echoes the key headers in its error body
            fake.inject(Fault.of("GET", "/v2/positions", Fault.Kind.ECHO_KEYS, 5));
            capture(texts, () -> c.positions());
            fake.inject(Fault.of("POST", "/v2/orders", Fault.Kind.ECHO_KEYS, 1));
            fake.inject(Fault.of("GET", "/v2/orders:by_client_order_id", Fault.Kind.ECHO_KEYS, 5));
            capture(texts, () -> c.submitOrder(AlpacaOrderRequest.limit("AAPL", BigDecimal.ONE, Side.BUY, BigDecimal.TEN,
                    TimeInForce.DAY, "echo-1")));
            fake.inject(Fault.of("GET", "/v2/stocks/bars", Fault.Kind.ECHO_KEYS, 5));
            capture(texts, () -> session.marketData().dailyBars(Instrument.stock("AAPL"), LocalDate.of(2025, 1, 2),
                    LocalDate.of(2025, 1, 10)));
            // every other fault kind
            fake.rateLimitNext("GET", "/v2/account", 1, 1);
            fake.serverErrorNext("GET", "/v2/account", 1);
            fake.slowNext("GET", "/v2/account", 1, Duration.ofMillis(700));
            fake.dropNext("GET", "/v2/account", 1);
            capture(texts, () -> c.account());
            fake.serverErrorNext("GET", "/v2/clock", 10);
            capture(texts, () -> c.clock());
            fake.dropConnectionAfterNextOrderAccepted(1);
            capture(texts, () -> broker.submit(OrderRequest.limit(Instrument.stock("AAPL"), Side.BUY, 1, 10, TimeInForce.DAY, "d1")));
            fake.serverErrorAfterNextOrderAccepted(1);
            fake.serverErrorNext("GET", "/v2/orders:by_client_order_id", 5);
            capture(texts, () -> broker.submit(OrderRequest.limit(Instrument.stock("AAPL"), Side.BUY, 1, 10, TimeInForce.DAY, "d2")));
            fake.serverErrorNext("POST", "/v2/orders", 5);
            capture(texts, () -> broker.submit(OrderRequest.limit(Instrument.stock("AAPL"), Side.BUY, 1, 10, TimeInForce.DAY, "d3")));
            capture(texts, () -> broker.submit(OrderRequest.limit(Instrument.crypto("BTCUSD"), Side.SELL, 1, 10, TimeInForce.GTC, "d4")));
            fake.setCash(1);
            capture(texts, () -> broker.submit(OrderRequest.limit(Instrument.stock("AAPL"), Side.BUY, 100, 10, TimeInForce.DAY, "d5")));
            // the trade stream: connected, dropped, refused (503), polled meanwhile with a server that echoes the keys
            Waits.until("the trade stream listens", () -> fake.streamStats().listeners() > 0);
            fake.dropStreamConnections();
            fake.streamAvailable(false);
            Waits.until("the stream is seen down", () -> broker.tradeUpdates().state() != AlpacaTradeUpdates.State.LISTENING);
            fake.inject(Fault.of("GET", "/v2/account/activities", Fault.Kind.ECHO_KEYS, 5));
            capture(texts, () -> broker.takeNewFills());
            fake.streamAvailable(true);
            // wrong keys: those must not leak either
            AlpacaConfig wrong = AlpacaConfig.builder().keys(WRONG_ID, WRONG_SECRET).tradingUrl(fake.baseUrl())
                    .dataUrl(fake.dataUrl()).streamUrl(fake.streamUrl()).build();
            try (AlpacaTradeUpdates refused = new AlpacaTradeUpdates(wrong, e -> { }, java.time.Clock.systemUTC(),
                    Duration.ofMillis(10), Duration.ofMillis(50))) {
                refused.start();
                Waits.until("the stream refuses the wrong keys", () -> fake.streamStats().refusedAuthentications() > 0);
                // The fake counts the refusal when it sends it; the client logs it when it reads it, a moment later.
                Waits.until("the client logs the refusal", () -> logged(appender, "refused the API keys on the stream"));
            }
            broker.close();
            texts.add(wrong.toString());
            capture(texts, () -> AlpacaSession.open(wrong, time, time, 1));
            capture(texts, () -> AlpacaMarketData.create(wrong, time, time, 1).latestQuote(Instrument.stock("AAPL")));
            // missing keys
            capture(texts, () -> AlpacaConfig.fromEnv(java.util.Map.of("APCA_API_KEY_ID", FakeAlpacaServer.KEY_ID)));
        } finally {
            alpacaLogger.detachAppender(appender);
            alpacaLogger.setLevel(before);
        }
        for (ILoggingEvent e : appender.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        assertThat(appender.list).as("log capture works").hasSizeGreaterThan(20);
        assertThat(texts).as("the echoed keys were seen and masked").anyMatch(t -> t.contains("bad key ***"));
        assertThat(texts).anyMatch(t -> t.contains("401"));
        assertThat(texts).as("stream faults were logged").anyMatch(t -> t.contains("trade stream") && t.contains("down"));
        assertThat(texts).anyMatch(t -> t.contains("refused the API keys on the stream"));
        for (String t : texts) {
            assertThat(t).doesNotContain(FakeAlpacaServer.KEY_ID).doesNotContain(FakeAlpacaServer.SECRET_KEY)
                    .doesNotContain(WRONG_ID).doesNotContain(WRONG_SECRET);
        }
    }

    private static void capture(List<String> texts, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            texts.add(e.toString());
            texts.add(sw.toString());
        }
    }

    /** Whether a line containing {@code text} was logged; the list is read while the stream's thread may append. */
    private static boolean logged(ListAppender<ILoggingEvent> appender, String text) {
        try {
            return List.copyOf(appender.list).stream().anyMatch(e -> e.getFormattedMessage().contains(text));
        } catch (java.util.ConcurrentModificationException e) {
            return false;
        }
    }
}
