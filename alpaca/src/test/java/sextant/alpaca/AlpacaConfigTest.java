package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlpacaConfigTest {
    private static final String ID = "PKTESTKEYID123456";
    private static final String SECRET = "s3cr3t-value-never-shown";

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("APCA_API_KEY_ID", ID);
        m.put("APCA_API_SECRET_KEY", SECRET);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void theTradeStreamIsAtStreamOnTheTradingHostUnlessSetElsewhere() {
        assertThat(AlpacaConfig.fromEnv(env()).streamUrl()).hasToString("wss://paper-api.alpaca.markets/stream");
        assertThat(AlpacaConfig.fromEnv(env("APCA_API_BASE_URL", "http://127.0.0.1:40123")).streamUrl())
                .hasToString("ws://127.0.0.1:40123/stream");
        assertThat(AlpacaConfig.fromEnv(env("APCA_API_STREAM_URL", "ws://127.0.0.1:40999/stream")).streamUrl())
                .hasToString("ws://127.0.0.1:40999/stream");
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(env("APCA_API_STREAM_URL", "ws://stream.example.com/stream")))
                .isInstanceOf(AlpacaConfigException.class).hasMessageContaining("wss");
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(env("APCA_API_STREAM_URL", "https://paper-api.alpaca.markets/stream")))
                .isInstanceOf(AlpacaConfigException.class).hasMessageContaining("APCA_API_STREAM_URL");
    }

    @Test
    void defaultsArePaperAndTheDataHost() {
        AlpacaConfig c = AlpacaConfig.fromEnv(env());
        assertThat(c.live()).isFalse();
        assertThat(c.tradingUrl()).hasToString(AlpacaConfig.PAPER_URL);
        assertThat(c.dataUrl()).hasToString(AlpacaConfig.DATA_URL);
        assertThat(c.requestsPerMinute()).isEqualTo(200);
        assertThat(c.adjustment()).isEqualTo("all");
        assertThat(c.dataFeed()).isEqualTo("iex");
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void readsUrlsLimitsAndStripsAVersionSuffix() {
        AlpacaConfig c = AlpacaConfig.fromEnv(env("APCA_API_BASE_URL", "https://paper-api.alpaca.markets/v2/",
                "APCA_API_DATA_URL", "http://127.0.0.1:9999", "SEXTANT_ALPACA_REQUESTS_PER_MINUTE", "120",
                "SEXTANT_ALPACA_TIMEOUT_MS", "2500"));
        assertThat(c.tradingUrl()).hasToString("https://paper-api.alpaca.markets");
        assertThat(c.dataUrl()).hasToString("http://127.0.0.1:9999");
        assertThat(c.requestsPerMinute()).isEqualTo(120);
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void missingKeysAreAClearErrorNamingTheVariables() {
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(Map.of()))
                .isInstanceOf(AlpacaConfigException.class)
                .hasMessageContaining("APCA_API_KEY_ID").hasMessageContaining("APCA_API_SECRET_KEY");
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(Map.of("APCA_API_KEY_ID", ID)))
                .isInstanceOf(AlpacaConfigException.class).hasMessageNotContaining(ID);
    }

    @Test
    void liveNeedsFlagConfirmationAndLiveUrl() {
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(env("APCA_API_BASE_URL", AlpacaConfig.LIVE_URL), true, false))
                .isInstanceOf(AlpacaConfigException.class).hasMessageContaining("confirmation");
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(env("APCA_API_BASE_URL", AlpacaConfig.PAPER_URL), true, true))
                .isInstanceOf(AlpacaConfigException.class).hasMessageContaining(AlpacaConfig.LIVE_URL);
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(env("APCA_API_BASE_URL", AlpacaConfig.LIVE_URL)))
                .isInstanceOf(AlpacaConfigException.class).hasMessageContaining("LIVE");
        AlpacaConfig live = AlpacaConfig.fromEnv(env("APCA_API_BASE_URL", AlpacaConfig.LIVE_URL), true, true);
        assertThat(live.live()).isTrue();
        // --live without a URL picks the live host, and still needs the confirmation
        assertThat(AlpacaConfig.fromEnv(env(), true, true).tradingUrl()).hasToString(AlpacaConfig.LIVE_URL);
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(env(), true, false)).isInstanceOf(AlpacaConfigException.class);
    }

    @Test
    void plainHttpOnlyToLoopback() {
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(env("APCA_API_BASE_URL", "http://example.com")))
                .isInstanceOf(AlpacaConfigException.class).hasMessageContaining("https");
        assertThat(AlpacaConfig.fromEnv(env("APCA_API_BASE_URL", "http://localhost:8080")).tradingUrl().getPort()).isEqualTo(8080);
    }

    @Test
    void badNumbersNameTheVariable() {
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(env("SEXTANT_ALPACA_REQUESTS_PER_MINUTE", "lots")))
                .hasMessageContaining("SEXTANT_ALPACA_REQUESTS_PER_MINUTE");
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(env("SEXTANT_ALPACA_REQUESTS_PER_MINUTE", "0")))
                .hasMessageContaining(">= 1");
    }

    @Test
    void anApplicationsKeyFileIsReadOnlyWhenTheEnvironmentHasNoKeys(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("alpaca.properties");
        Files.writeString(f, "APCA_API_KEY_ID=PKFROMFILE0001\nAPCA_API_SECRET_KEY=secret-from-the-file\n");
        AlpacaConfig fromFile = AlpacaConfig.builderFromEnv(Map.of(), false, false).keyFileUnlessKeys(f)
                .requestsPerMinute(50).build();
        assertThat(fromFile.keyId()).isEqualTo("PKFROMFILE0001");
        assertThat(fromFile.requestsPerMinute()).isEqualTo(50);
        assertThat(fromFile.tradingUrl()).hasToString(AlpacaConfig.PAPER_URL);
        // Keys in the environment win: the file is not even opened (this one does not exist).
        AlpacaConfig fromEnv = AlpacaConfig.builderFromEnv(env(), false, false)
                .keyFileUnlessKeys(dir.resolve("absent.properties")).build();
        assertThat(fromEnv.keyId()).isEqualTo(ID);
    }

    @Test
    void keyFileIsUsedWhenVariablesAreAbsent(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("alpaca.properties");
        Files.writeString(f, "APCA_API_KEY_ID=" + ID + "\nAPCA_API_SECRET_KEY=" + SECRET + "\n");
        AlpacaConfig c = AlpacaConfig.fromEnv(Map.of("SEXTANT_ALPACA_KEY_FILE", f.toString()));
        assertThat(c.keyId()).isEqualTo(ID);
        assertThat(c.secretKey()).isEqualTo(SECRET);
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "APCA_API_KEY_ID=" + ID + "\n");
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(Map.of("SEXTANT_ALPACA_KEY_FILE", bad.toString())))
                .hasMessageContaining(bad.toString()).hasMessageNotContaining(ID);
        assertThatThrownBy(() -> AlpacaConfig.fromEnv(Map.of("SEXTANT_ALPACA_KEY_FILE", dir.resolve("none").toString())))
                .isInstanceOf(AlpacaConfigException.class).hasMessageContaining("cannot read");
    }

    @Test
    void toStringNeverShowsKeys() {
        AlpacaConfig c = AlpacaConfig.fromEnv(env());
        assertThat(c.toString()).doesNotContain(ID).doesNotContain(SECRET).contains("paper").contains("hidden");
        assertThat(AlpacaConfig.builder().keys(ID, SECRET).toString()).doesNotContain(ID).doesNotContain(SECRET);
    }
}
