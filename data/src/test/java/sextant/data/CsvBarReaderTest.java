package sextant.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.market.AssetClass;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.port.MarketDataException;
import sextant.testkit.Shared;

class CsvBarReaderTest {
    static final Path SHARED = Shared.root();
    static final Instrument X = Instrument.stock("X");

    @TempDir
    Path dir;

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

    @Test
    void yahooLayoutWithAdjCloseScalesOpenHighLowByAdjCloseOverClose() throws Exception {
        Path f = dir.resolve("SPY.csv");
        Files.writeString(f, """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-01-02,100,110,90,105,52.5,1000
                2024-01-03,105,106,104,105,105,2000
                """);
        BarSeries s = CsvBarReader.read(f, Instrument.stock("SPY"));
        assertThat(s.size()).isEqualTo(2);
        // Day 1: Adj Close / Close = 0.5, so every price is halved; volume stays as published.
        assertThat(s.open()[0]).isEqualTo(50.0);
        assertThat(s.high()[0]).isEqualTo(55.0);
        assertThat(s.low()[0]).isEqualTo(45.0);
        assertThat(s.close()[0]).isEqualTo(52.5);
        assertThat(s.volume()[0]).isEqualTo(1000);
        assertThat(s.close()[1]).isEqualTo(105.0);
        assertThat(s.open()[1]).isEqualTo(105.0);
    }

    @Test
    void utf8WithOrWithoutBomAndUtf16WithOrWithoutBomReadTheSame() throws Exception {
        String text = "Date,Open,High,Low,Close,Volume\r\n2024-01-02,10,11,9,10.5,100\r\n2024-01-03,10.5,12,10,11,200\r\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[][] variants = {utf8, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8),
                text.getBytes(StandardCharsets.UTF_16), // Java writes a big-endian BOM
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)),
                text.getBytes(StandardCharsets.UTF_16LE), text.getBytes(StandardCharsets.UTF_16BE)};
        for (int i = 0; i < variants.length; i++) {
            Path f = Files.write(dir.resolve("v" + i + ".csv"), variants[i]);
            BarSeries s = CsvBarReader.read(f, X);
            assertThat(s.size()).as("variant %d", i).isEqualTo(2);
            assertThat(s.close()).as("variant %d", i).containsExactly(10.5, 11.0);
        }
    }

    @Test
    void binaryFileIsRefusedWithoutEchoingItsBytes() throws Exception {
        byte[] junk = new byte[600];
        new java.util.Random(1).nextBytes(junk);
        junk[3] = 0;
        junk[0] = 0x1B; // ESC: would start a terminal control sequence
        Path f = Files.write(dir.resolve("junk.csv"), junk);
        assertThatThrownBy(() -> CsvBarReader.read(f, X)).isInstanceOf(MarketDataException.class)
                .hasMessage(f + ": is binary, not a CSV text file (NUL byte at offset 3); expected a header line such as"
                        + " Date,Open,High,Low,Close,Volume");
    }

    @Test
    void invalidUtf8NamesTheLineAndSaysToSaveAsUtf8() throws Exception {
        byte[] head = "Date,Open,High,Low,Close\n2024-01-02,10,11,9,10\n2024-01-03,".getBytes(StandardCharsets.UTF_8);
        Path f = Files.write(dir.resolve("latin1.csv"), concat(head, new byte[] {(byte) 0xE9, '1', '0', '\n'}));
        assertThatThrownBy(() -> CsvBarReader.read(f, X))
                .hasMessage(f + ": line 3: is not UTF-8 text (invalid byte at offset " + head.length + "); save it as UTF-8");
    }

    @Test
    void errorsQuoteAShortPrintableSnippetOnly() {
        String nasty = "1\u001b[31m" + "9".repeat(100) + "\u0007";
        assertThatThrownBy(() -> parse("Date,Open,High,Low,Close", "2024-01-02,10,11," + nasty + ",10"))
                .hasMessage("t.csv: line 2: low '1?[31m" + "9".repeat(34) + "...' is not a number");
        assertThatThrownBy(() -> parse("x\u0000\u0001garbage\u009b header"))
                .hasMessageContaining("(header: x??garbage? header)")
                .satisfies(e -> assertThat(e.getMessage().chars().allMatch(c -> c >= 0x20 && c <= 0x7E)).isTrue());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static BarSeries parse(String... lines) {
        return CsvBarReader.parse("t.csv", List.of(lines), X);
    }
}
