package sextant.app;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import sextant.alpaca.AlpacaConfig;
import sextant.alpaca.AlpacaMarketCalendar;
import sextant.core.calendar.FallbackCalendar;
import sextant.core.calendar.NyseCalendar;
import sextant.core.port.MarketCalendar;
import sextant.alpaca.AlpacaSession;
import sextant.alpaca.SessionDate;
import sextant.core.port.Broker;
import sextant.core.port.MarketData;

/**
 * Builds the Alpaca adapters from the environment (keys and URLs) and the {@code alpaca} section (key file, request
 * budget). Broker and market data share one session, so they share one rate limiter. The session is opened only
 * when something asks for it, and opening it checks the keys before any order can be attempted.
 */
final class AlpacaWiring {
    private final AlpacaSettings settings;
    private final LiveTrading live;
    private final Map<String, String> env;
    private @Nullable AlpacaSession session; // opened on first use

    AlpacaWiring(AlpacaSettings settings, LiveTrading live, Map<String, String> env) {
        this.settings = settings;
        this.live = live;
        this.env = Map.copyOf(env);
    }

    MarketData marketData() {
        return session().marketData();
    }

    Broker broker() {
        return session().broker();
    }

    /**
     * NYSE sessions from Alpaca's {@code /v2/calendar} (holidays and closures announced after this release included),
     * falling back to the built-in rules, with a warning in the log, when Alpaca cannot be asked.
     */
    MarketCalendar calendar() {
        return new FallbackCalendar(new AlpacaMarketCalendar(session().trading()), new NyseCalendar(),
                msg -> LoggerFactory.getLogger(AlpacaWiring.class).warn(msg));
    }

    /** The cycle date from Alpaca's clock and calendar (see {@link SessionDate}). */
    SessionDate sessionDate() {
        return SessionDate.from(session().trading());
    }

    /** The settings the session is opened with: keys from the environment, else from the configured key file. */
    AlpacaConfig config() {
        AlpacaConfig.Builder b = AlpacaConfig.builderFromEnv(env, live.live(), live.confirmed())
                .requestsPerMinute(settings.requestsPerMinute());
        settings.keyFile().ifPresent(b::keyFileUnlessKeys);
        return b.build();
    }

    private synchronized AlpacaSession session() {
        AlpacaSession s = session;
        if (s == null) {
            s = AlpacaSession.open(config());
            session = s;
        }
        return s;
    }
}
