package sextant.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.market.Instrument;
import sextant.core.port.MarketDataException;
import sextant.testkit.Shared;

class CsvMarketDataTest {
    static final Path SHARED = Shared.root();
    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @TempDir
    Path dir;

    @Test
    void aStrayCopyInASubdirectoryMakesTheSymbolAmbiguousAndNamesBothFiles() throws Exception {
        Files.copy(SHARED.resolve("data/daily/AEM.csv"), dir.resolve("AEM.csv"));
        Files.createDirectories(dir.resolve("a"));
        Files.copy(SHARED.resolve("data/daily/KGC.csv"), dir.resolve("a/AEM.csv"));
        Files.copy(SHARED.resolve("data/daily/HEI.csv"), dir.resolve("HEI.csv"));
        CsvMarketData data = CsvMarketData.open(dir);
        assertThat(data.symbols()).containsExactly("AEM", "HEI");
        assertThatThrownBy(() -> data.dailyBars(Instrument.stock("AEM"), FROM, TO)).isInstanceOf(MarketDataException.class)
                .hasMessage("ambiguous source: 2 files could hold AEM: " + dir.resolve("AEM.csv") + ", "
                        + dir.resolve("a/AEM.csv") + "; keep the right one and delete or rename the others (e.g. to .csv.bak)");
        assertThat(data.dailyBars(Instrument.stock("HEI"), FROM, TO).size()).isGreaterThan(200);
    }

    @Test
    void namesThatDifferOnlyInCaseOrByAPrefixAreAmbiguousToo() throws Exception {
        Files.copy(SHARED.resolve("data/daily/AEM.csv"), dir.resolve("AEM.csv"));
        Files.copy(SHARED.resolve("data/daily/KGC.csv"), dir.resolve("aem.CSV"));
        Files.copy(SHARED.resolve("data/daily/HEI.csv"), dir.resolve("HEI.csv"));
        Files.copy(SHARED.resolve("data/daily/JD.csv"), dir.resolve("WIKI-HEI.csv"));
        CsvMarketData data = CsvMarketData.open(dir);
        assertThatThrownBy(() -> data.dailyBars(Instrument.stock("AEM"), FROM, TO))
                .hasMessageContaining("2 files could hold AEM: ").hasMessageContaining("AEM.csv").hasMessageContaining("aem.CSV");
        assertThatThrownBy(() -> data.dailyBars(Instrument.stock("HEI"), FROM, TO))
                .hasMessageContaining("2 files could hold HEI: " + dir.resolve("HEI.csv") + ", " + dir.resolve("WIKI-HEI.csv"));
        // The prefixed file itself is a symbol of its own and is not ambiguous.
        assertThat(data.dailyBars(Instrument.stock("WIKI-HEI"), FROM, TO).size()).isGreaterThan(200);
    }

    @Test
    void theLayoutsOwnSymbolColumnTellsCryptoPairs() throws Exception {
        Files.copy(SHARED.resolve("data/crypto/SUIUSDT.csv"), dir.resolve("SUIUSDT.csv"));
        Files.copy(SHARED.resolve("data/daily/AEM.csv"), dir.resolve("AEM.csv"));
        Files.writeString(dir.resolve("SPY.csv"), "timestamp,open,high,low,close,volume,symbol\n"
                + "2025-01-02,10,11,9,10,100,SPY\n");
        Files.writeString(dir.resolve("ETH.csv"), "timestamp,open,high,low,close,volume,symbol\n"
                + "2025-01-02,10,11,9,10,100,ETH/USD\n");
        CsvMarketData data = CsvMarketData.open(dir);
        assertThat(data.fileSaysCrypto("SUIUSDT")).isTrue();
        assertThat(data.fileSaysCrypto("eth")).isTrue();
        assertThat(data.fileSaysCrypto("SPY")).isFalse();
        assertThat(data.fileSaysCrypto("AEM")).as("no symbol column").isFalse();
        assertThat(data.fileSaysCrypto("NOPE")).isFalse();
        assertThat(data.has("aem")).isTrue();
        assertThat(data.has("NOPE")).isFalse();
    }
}
