package sextant.app;

import java.util.HashMap;
import java.util.Map;
import sextant.alpaca.AlpacaConfig;
import sextant.alpaca.AlpacaSession;
import sextant.alpaca.SessionDate;
import sextant.core.port.Broker;
import sextant.core.port.MarketData;

/**
 * Builds the Alpaca adapters from the environment (keys and URLs) and the configuration (key file, request budget).
 * Broker and market data share one session, so they share one rate limiter. The session is opened only when
 * something asks for it, and opening it checks the keys before any order can be attempted.
 */
final class AlpacaWiring {
    private final SextantConfig cfg;
    private final LiveTrading live;
    private final Map<String, String> env;
    private AlpacaSession session;

    AlpacaWiring(SextantConfig cfg, LiveTrading live, Map<String, String> env) {
        this.cfg = cfg;
        this.live = live;
        this.env = env;
    }

    MarketData marketData() {
        return session().marketData();
    }

    Broker broker() {
        return session().broker();
    }

    /** The cycle date from Alpaca's clock and calendar (see {@link SessionDate}). */
    SessionDate sessionDate() {
        return SessionDate.from(session().trading());
    }

    private synchronized AlpacaSession session() {
        if (session == null) {
            Map<String, String> e = new HashMap<>(env);
            String keyFile = cfg.string("alpaca.key-file");
            if (!keyFile.isBlank()) {
                e.putIfAbsent(AlpacaConfig.ENV_KEY_FILE, keyFile);
            }
            e.putIfAbsent(AlpacaConfig.ENV_REQUESTS_PER_MINUTE, String.valueOf(cfg.integer("alpaca.requests-per-minute")));
            session = AlpacaSession.open(AlpacaConfig.fromEnv(e, live.live(), live.confirmed()));
        }
        return session;
    }
}
