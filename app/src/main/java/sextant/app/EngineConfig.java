package sextant.app;

/**
 * The {@code engine} section.
 *
 * @param threads       worker threads for per-symbol work; 0 = one per CPU core
 * @param orderIdPrefix prefix of every client order id, 1-8 letters or digits (one per account or instance)
 */
record EngineConfig(int threads, String orderIdPrefix) {
    EngineConfig {
        if (threads < 0) {
            throw new IllegalArgumentException("'engine.threads' must be 0 (one per core) or more, got " + threads);
        }
        if (orderIdPrefix == null || !orderIdPrefix.matches("[A-Za-z0-9]{1,8}")) {
            throw new IllegalArgumentException("'engine.order-id-prefix' must be 1-8 letters or digits, got '"
                    + orderIdPrefix + "'");
        }
    }

    /** The same section with another thread count (a replay's gate cells). */
    EngineConfig withThreads(int n) {
        return new EngineConfig(n, orderIdPrefix);
    }

    static EngineConfig from(ConfigTree t) {
        // A negative count has always meant "one per core", as 0 does.
        return new EngineConfig(Math.max(0, t.integer("engine.threads")), t.string("engine.order-id-prefix"));
    }
}
