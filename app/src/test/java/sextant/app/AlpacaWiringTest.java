package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.alpaca.AlpacaConfig;
import sextant.alpaca.AlpacaConfigException;

/** The alpaca section reaches the Alpaca settings directly; keys come only from the environment or the key file. */
class AlpacaWiringTest {
    private static final String FILE_KEY = "PKFROMTHEKEYFILE01";
    private static final String FILE_SECRET = "secret-from-the-key-file";

    @TempDir
    Path dir;

    @Test
    void theRequestBudgetAndKeyFileComeFromTheConfigurationAndTheKeysFromTheFile() throws Exception {
        Path keys = Files.writeString(dir.resolve("alpaca.env"),
                "APCA_API_KEY_ID=" + FILE_KEY + "\nAPCA_API_SECRET_KEY=" + FILE_SECRET + "\n");
        SextantConfig cfg = SextantConfig.load(null, List.of("alpaca.key-file=" + keys, "alpaca.requests-per-minute=90"));
        AlpacaConfig c = new AlpacaWiring(cfg.alpaca(), LiveTrading.PAPER, Map.of()).config();
        assertThat(c.requestsPerMinute()).isEqualTo(90);
        assertThat(c.tradingUrl()).hasToString(AlpacaConfig.PAPER_URL);
        assertThat(c.live()).isFalse();
        assertThat(c.toString()).doesNotContain(FILE_KEY).doesNotContain(FILE_SECRET);
    }

    @Test
    void withoutKeysInTheEnvironmentOrAKeyFileNothingIsBuilt() {
        assertThatThrownBy(() -> new AlpacaWiring(SextantConfig.defaults().alpaca(), LiveTrading.PAPER, Map.of()).config())
                .isInstanceOf(AlpacaConfigException.class).hasMessageContaining("APCA_API_KEY_ID");
        // Keys in the environment win over the key file, which is then not read at all (this one does not exist).
        SextantConfig withFile = SextantConfig.load(null, List.of("alpaca.key-file=" + dir.resolve("absent.env")));
        AlpacaConfig c = new AlpacaWiring(withFile.alpaca(), LiveTrading.PAPER,
                Map.of("APCA_API_KEY_ID", "PKFROMENVIRONMENT1", "APCA_API_SECRET_KEY", "secret-from-environment")).config();
        assertThat(c.requestsPerMinute()).isEqualTo(200);
        assertThatThrownBy(() -> new AlpacaWiring(withFile.alpaca(), LiveTrading.PAPER, Map.of()).config())
                .isInstanceOf(AlpacaConfigException.class).hasMessageContaining("cannot read Alpaca key file");
    }
}
