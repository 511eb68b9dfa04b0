package sextant.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.market.AssetClass;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.port.MarketDataException;

class CsvBarReaderTest {
    static final Path SHARED = Path.of(System.getProperty("sextant.shared", "../shared"));
    static final Instrument X = Instrument.stock("X");

    @Test
    void readsYahooLayoutWithColumnsOutOfOrder() {
        BarSeries s = CsvBarReader.read(SHARED.resolve("data/daily/AEM.csv"), Instrument.stock("AEM"));
        assertThat(s.size()).isGreaterThan(1500);
        assertThat(s.date(0)).isEqualTo(LocalDate.of(2020, 1, 2));
        // First row: Date,close,high,low,open,volume = 2020-01-02,52.743...,53.948...,52.465...,53.844...,925600
        assertThat(s.close()[0]).isEqualTo(52.74333953857422);
        assertThat(s.open()[0]).isEqualTo(53.84486994221264);
        assertThat(s.volume()[0]).isEqualTo(925600);
    }

    @Test
    void readsAlpacaLayoutWithIsoTimestamps() {
        BarSeries s = CsvBarReader.read(SHARED.resolve("data/crypto/SUIUSDT.csv"), Instrument.crypto("SUIUSDT"));
        assertThat(s.date(0)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(s.date(1)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(s.open()[0]).isEqualTo(0.7753);
        assertThat(s.close()[0]).isEqualTo(0.8438);
    }

    @Test
    void readsNewestFirstWikiLayoutUsingAdjustedColumns() {
        BarSeries s = CsvBarReader.read(SHARED.resolve("data/long/WIKI-AAPL.csv"), Instrument.stock("AAPL"));
        assertThat(s.date(0)).isEqualTo(LocalDate.of(1980, 12, 12));
        assertThat(s.lastDate()).isEqualTo(LocalDate.of(2018, 3, 27));
        assertThat(s.close()[s.size() - 1]).isEqualTo(168.34);
        // 1980 prices are split-adjusted: far below the raw ~$28 close.
        assertThat(s.close()[0]).isLessThan(1.0);
    }

    @Test
    void directoryFindsSymbolsRecursivelyAndByPrefixedName() {
        CsvMarketData data = CsvMarketData.open(SHARED.resolve("data"));
        assertThat(data.symbols()).contains("AEM", "SUIUSDT", "WIKI-AAPL");
        BarSeries aapl = data.dailyBars(Instrument.stock("AAPL"), LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 31));
        assertThat(aapl.size()).isBetween(19, 21);
        assertThat(data.loadAll(sym -> sym.endsWith("USDT") ? AssetClass.CRYPTO : AssetClass.STOCK)).hasSize(37);
    }

    @Test
    void badNumberNamesFileLineAndField() {
        assertThatThrownBy(() -> parse("Date,Open,High,Low,Close,Volume", "2024-01-02,10,11,9,10.5,100",
                "2024-01-03,10,11,nine,10.5,100"))
                .isInstanceOf(MarketDataException.class)
                .hasMessage("t.csv: line 3: low 'nine' is not a number");
    }

    @Test
    void missingColumnNamesTheColumn() {
        assertThatThrownBy(() -> parse("Date,Open,High,Close,Volume", "2024-01-02,10,11,10.5,100"))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("t.csv: line 1: missing column 'low'");
    }

    @Test
    void duplicateDateNamesBothLines() {
        assertThatThrownBy(() -> parse("Date,Open,High,Low,Close", "2024-01-02,10,11,9,10", "2024-01-03,10,11,9,10",
                "2024-01-03,10,11,9,10"))
                .isInstanceOf(MarketDataException.class)
                .hasMessage("t.csv: line 4: duplicate date 2024-01-03 (also on line 3)");
    }

    @Test
    void zeroNanAndInconsistentPricesAreRejected() {
        assertThatThrownBy(() -> parse("Date,Open,High,Low,Close", "2024-01-02,0,11,9,10"))
                .hasMessage("t.csv: line 2: open price 0 must be a finite number > 0");
        assertThatThrownBy(() -> parse("Date,Open,High,Low,Close", "2024-01-02,10,11,9,NaN"))
                .hasMessage("t.csv: line 2: close 'NaN' is not a number");
        assertThatThrownBy(() -> parse("Date,Open,High,Low,Close", "2024-01-02,10,9.5,9,10"))
                .hasMessageContaining("t.csv: line 2: high/low do not bracket open/close");
        assertThatThrownBy(() -> parse("Date,Open,High,Low,Close", "01/02/2024,10,11,9,10"))
                .hasMessage("t.csv: line 2: cannot read date '01/02/2024'; expected yyyy-MM-dd");
        assertThatThrownBy(() -> parse("Date,Open,High,Low,Close", "2024-01-02,10,11"))
                .hasMessage("t.csv: line 2: expected 5 fields, found 3");
    }

    @Test
    void emptyFileIsAnError() {
        assertThatThrownBy(() -> CsvBarReader.parse("t.csv", List.of(), X)).hasMessageContaining("t.csv: file is empty");
    }

    private static BarSeries parse(String... lines) {
        return CsvBarReader.parse("t.csv", List.of(lines), X);
    }
}
