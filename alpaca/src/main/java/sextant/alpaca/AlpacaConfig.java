package sextant.alpaca;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to talk to Alpaca. Built from environment variables ({@link #fromEnv}) or a {@link Builder}.
 *
 * <p>Paper trading is the default. Live trading needs three things at once: {@code live = true}, an explicit
 * confirmation, and the live base URL; any other combination is refused with a message that says what is missing.
 * A live URL without {@code live = true} is refused too, so a copied environment cannot trade real money by accident.
 *
 * <p>The keys are held privately; {@link #toString()} shows whether they are set, never their values.
 */
public final class AlpacaConfig {
    public static final String PAPER_URL = "https://paper-api.alpaca.markets";
    public static final String LIVE_URL = "https://api.alpaca.markets";
    public static final String DATA_URL = "https://data.alpaca.markets";

    public static final String ENV_KEY_ID = "APCA_API_KEY_ID";
    public static final String ENV_SECRET_KEY = "APCA_API_SECRET_KEY";
    public static final String ENV_BASE_URL = "APCA_API_BASE_URL";
    public static final String ENV_DATA_URL = "APCA_API_DATA_URL";
    /**
     * The trading stream (trade_updates). Default: {@code /stream} on the trading host ({@code wss://} for https,
     * {@code ws://} for a loopback http URL); set only to reach a stream elsewhere (the fake server in tests).
     */
    public static final String ENV_STREAM_URL = "APCA_API_STREAM_URL";
    /** A properties file holding APCA_API_KEY_ID and APCA_API_SECRET_KEY (used when the variables are not set). */
    public static final String ENV_KEY_FILE = "SEXTANT_ALPACA_KEY_FILE";
    public static final String ENV_REQUESTS_PER_MINUTE = "SEXTANT_ALPACA_REQUESTS_PER_MINUTE";
    /** Stock data feed: iex (free plan, default) or sip. */
    public static final String ENV_DATA_FEED = "SEXTANT_ALPACA_DATA_FEED";
    public static final String ENV_TIMEOUT_MS = "SEXTANT_ALPACA_TIMEOUT_MS";

    private final String keyId;
    private final String secretKey;
    private final URI tradingUrl;
    private final URI dataUrl;
    private final URI streamUrl;
    private final boolean live;
    private final int requestsPerMinute;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final String dataFeed;
    private final String adjustment;

    private AlpacaConfig(Builder b) {
        String id = present(b.keyId);
        String secret = present(b.secretKey);
        if (id == null || secret == null) {
            throw new AlpacaConfigException("Alpaca API keys are missing: set " + ENV_KEY_ID + " and " + ENV_SECRET_KEY
                    + " (or " + ENV_KEY_FILE + " pointing at a properties file with both)");
        }
        this.keyId = id.strip();
        this.secretKey = secret.strip();
        this.tradingUrl = parseUrl(ENV_BASE_URL, b.tradingUrl);
        this.dataUrl = parseUrl(ENV_DATA_URL, b.dataUrl);
        this.streamUrl = b.streamUrl.map(AlpacaConfig::parseStreamUrl).orElseGet(() -> defaultStreamUrl(tradingUrl));
        this.live = b.live;
        if (b.requestsPerMinute < 1) {
            throw new AlpacaConfigException(ENV_REQUESTS_PER_MINUTE + " must be >= 1, got " + b.requestsPerMinute);
        }
        this.requestsPerMinute = b.requestsPerMinute;
        this.connectTimeout = positive("connect timeout", b.connectTimeout);
        this.requestTimeout = positive("request timeout", b.requestTimeout);
        this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
        this.dataFeed = b.dataFeed.toLowerCase(Locale.ROOT);
        this.adjustment = b.adjustment.toLowerCase(Locale.ROOT);
        if (!this.adjustment.matches("raw|split|dividend|all")) {
            throw new AlpacaConfigException("bar adjustment must be raw, split, dividend or all, got '" + b.adjustment + "'");
        }
        checkLiveSafety(b.liveConfirmed);
    }

    private void checkLiveSafety(boolean liveConfirmed) {
        boolean liveUrl = isLiveHost(tradingUrl);
        if (live && !liveConfirmed) {
            throw new AlpacaConfigException("live trading needs an explicit confirmation flag as well as --live; "
                    + "nothing was sent to Alpaca");
        }
        if (live && !liveUrl) {
            throw new AlpacaConfigException("live trading needs " + ENV_BASE_URL + "=" + LIVE_URL + ", but it is " + tradingUrl
                    + "; unset --live to trade on paper");
        }
        if (!live && liveUrl) {
            throw new AlpacaConfigException(ENV_BASE_URL + " points at LIVE trading (" + tradingUrl + ") but live mode is off; "
                    + "use " + PAPER_URL + " for paper, or pass --live with the confirmation flag");
        }
    }

    private static URI defaultStreamUrl(URI trading) {
        String ws = trading.getScheme().equalsIgnoreCase("https") ? "wss" : "ws";
        return URI.create(ws + "://" + trading.getRawAuthority() + "/stream");
    }

    private static URI parseStreamUrl(String raw) {
        // The keys are sent in the first message: plain ws is only acceptable to a local test server.
        return checkedUri(ENV_STREAM_URL, raw, raw.strip(), "ws");
    }

    private static boolean isLiveHost(URI url) {
        return "api.alpaca.markets".equalsIgnoreCase(url.getHost());
    }

    /** Paper settings from the environment (live mode off). */
    public static AlpacaConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, false, false);
    }

    /**
     * Settings from environment variables: {@value #ENV_KEY_ID}, {@value #ENV_SECRET_KEY}, {@value #ENV_BASE_URL}
     * (default {@value #PAPER_URL}), {@value #ENV_DATA_URL} (default {@value #DATA_URL}), and optionally
     * {@value #ENV_KEY_FILE}, {@value #ENV_REQUESTS_PER_MINUTE} (default 200), {@value #ENV_DATA_FEED} (default iex),
     * {@value #ENV_TIMEOUT_MS} (default 15000).
     *
     * @param live          the user asked for live trading (--live)
     * @param liveConfirmed the user also gave the explicit live confirmation flag
     * @throws AlpacaConfigException naming the variable to fix
     */
    public static AlpacaConfig fromEnv(Map<String, String> env, boolean live, boolean liveConfirmed) {
        return builderFromEnv(env, live, liveConfirmed).build();
    }

    /**
     * The builder {@link #fromEnv(Map, boolean, boolean)} builds, for a caller that adds settings of its own (the
     * application's configuration file: a request budget, a key file); the keys and URLs still come only from the
     * environment or a key file.
     */
    public static Builder builderFromEnv(Map<String, String> env, boolean live, boolean liveConfirmed) {
        Builder b = builder();
        String keyId = present(env.get(ENV_KEY_ID));
        String secret = present(env.get(ENV_SECRET_KEY));
        String keyFile = present(env.get(ENV_KEY_FILE));
        if ((keyId == null || secret == null) && keyFile != null) {
            b.keyFile(Path.of(keyFile.strip()));
        }
        if (keyId != null) {
            b.keyId = keyId;
        }
        if (secret != null) {
            b.secretKey = secret;
        }
        b.tradingUrl(orDefault(env.get(ENV_BASE_URL), live ? LIVE_URL : PAPER_URL));
        b.dataUrl(orDefault(env.get(ENV_DATA_URL), DATA_URL));
        String streamUrl = present(env.get(ENV_STREAM_URL));
        if (streamUrl != null) {
            b.streamUrl(streamUrl);
        }
        b.requestsPerMinute(intVar(env, ENV_REQUESTS_PER_MINUTE, 200));
        b.requestTimeout(Duration.ofMillis(intVar(env, ENV_TIMEOUT_MS, 15_000)));
        b.dataFeed(orDefault(env.get(ENV_DATA_FEED), "iex"));
        b.live(live, liveConfirmed);
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    String keyId() {
        return keyId;
    }

    String secretKey() {
        return secretKey;
    }

    Secrets secrets() {
        return new Secrets(keyId, secretKey);
    }

    /** Trading API root without {@code /v2}, e.g. {@code https://paper-api.alpaca.markets}. */
    public URI tradingUrl() {
        return tradingUrl;
    }

    /** Market data API root, e.g. {@code https://data.alpaca.markets}. */
    public URI dataUrl() {
        return dataUrl;
    }

    /** The trading stream, e.g. {@code wss://paper-api.alpaca.markets/stream}. */
    public URI streamUrl() {
        return streamUrl;
    }

    public boolean live() {
        return live;
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public String dataFeed() {
        return dataFeed;
    }

    /** Stock bar adjustment sent to Alpaca; {@code all} (splits and dividends) by default. */
    public String adjustment() {
        return adjustment;
    }

    @Override
    public String toString() {
        return "AlpacaConfig[" + (live ? "LIVE" : "paper") + ", trading=" + tradingUrl + ", data=" + dataUrl
                + ", stream=" + streamUrl                + ", keys=set (hidden), requestsPerMinute=" + requestsPerMinute + ", requestTimeout=" + requestTimeout
                + ", feed=" + dataFeed + ", adjustment=" + adjustment + "]";
    }

    private static URI parseUrl(String what, String raw) {
        String s = raw.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/v2")) { // alpaca-trade-api style values include the version; the paths here add it
            s = s.substring(0, s.length() - 3);
        }
        return checkedUri(what, raw, s, "http");
    }

    /**
     * {@code cleaned} as a URL of scheme {@code plain} or its secure variant ({@code plain + "s"}); the plain one only to
     * a loopback host, since keys travel over it.
     */
    private static URI checkedUri(String what, String raw, String cleaned, String plain) {
        URI uri;
        try {
            uri = new URI(cleaned);
        } catch (URISyntaxException e) {
            throw new AlpacaConfigException(what + " is not a URL: '" + raw + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String secure = plain + "s";
        if (uri.getHost() == null || !(scheme.equals(secure) || scheme.equals(plain))) {
            throw new AlpacaConfigException(what + " must be an " + plain + "(s) URL, got '" + raw + "'");
        }
        if (scheme.equals(plain) && !isLoopback(uri.getHost())) {
            throw new AlpacaConfigException(what + " must use " + secure + " (plain " + plain
                    + " is allowed only for 127.0.0.1/localhost), got '" + raw + "'");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]") || host.equals("::1");
    }

    private static Duration positive(String what, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new AlpacaConfigException(what + " must be > 0, got " + d);
        }
        return d;
    }

    private static int intVar(Map<String, String> env, String name, int dflt) {
        String v = present(env.get(name));
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new AlpacaConfigException(name + " must be a whole number, got '" + v + "'");
        }
    }

    private static String orDefault(@Nullable String v, String dflt) {
        String p = present(v);
        return p == null ? dflt : p;
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** {@code s}, or null when it is null or blank (an unset variable and an empty one mean the same). */
    private static @Nullable String present(@Nullable String s) {
        return isBlank(s) ? null : s;
    }

    /** Settings in code (tests, embedding). Defaults: paper URL, data URL, 200 requests/min, 5 s connect, 15 s request. */
    public static final class Builder {
        private @Nullable String keyId;
        private @Nullable String secretKey;
        private String tradingUrl = PAPER_URL;
        private String dataUrl = DATA_URL;
        private java.util.Optional<String> streamUrl = java.util.Optional.empty();
        private boolean live;
        private boolean liveConfirmed;
        private int requestsPerMinute = 200;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String dataFeed = "iex";
        private String adjustment = "all";

        private Builder() {
        }

        public Builder keys(String keyId, String secretKey) {
            this.keyId = keyId;
            this.secretKey = secretKey;
            return this;
        }

        /** Reads APCA_API_KEY_ID and APCA_API_SECRET_KEY from a properties file; errors name the file, never its content. */
        public Builder keyFile(Path file) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new AlpacaConfigException("cannot read Alpaca key file " + file + ": " + e.getClass().getSimpleName());
            }
            String id = present(p.getProperty(ENV_KEY_ID));
            String secret = present(p.getProperty(ENV_SECRET_KEY));
            if (id == null || secret == null) {
                throw new AlpacaConfigException("Alpaca key file " + file + " must define " + ENV_KEY_ID + " and " + ENV_SECRET_KEY);
            }
            return keys(id, secret);
        }

        /** {@link #keyFile(Path)}, but only when no keys were given yet: keys in the environment win over a file. */
        public Builder keyFileUnlessKeys(Path file) {
            return isBlank(keyId) || isBlank(secretKey) ? keyFile(file) : this;
        }

        public Builder tradingUrl(String url) {
            this.tradingUrl = Objects.requireNonNull(url);
            return this;
        }

        public Builder dataUrl(String url) {
            this.dataUrl = Objects.requireNonNull(url);
            return this;
        }

        /** The trading stream; without it, {@code /stream} on the trading host. */
        public Builder streamUrl(String url) {
            this.streamUrl = java.util.Optional.of(url);
            return this;
        }

        /** Live trading: both arguments must be true, and the trading URL must be {@value #LIVE_URL}. */
        public Builder live(boolean live, boolean confirmed) {
            this.live = live;
            this.liveConfirmed = confirmed;
            return this;
        }

        public Builder requestsPerMinute(int n) {
            this.requestsPerMinute = n;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = d;
            return this;
        }

        public Builder retryPolicy(RetryPolicy p) {
            this.retryPolicy = p;
            return this;
        }

        public Builder dataFeed(String feed) {
            this.dataFeed = Objects.requireNonNull(feed);
            return this;
        }

        public Builder adjustment(String adjustment) {
            this.adjustment = Objects.requireNonNull(adjustment);
            return this;
        }

        public AlpacaConfig build() {
            return new AlpacaConfig(this);
        }

        @Override
        public String toString() {
            return "AlpacaConfig.Builder[trading=" + tradingUrl + ", data=" + dataUrl + ", keys hidden]";
        }
    }
}
