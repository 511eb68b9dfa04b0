package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import sextant.core.market.Instrument;

class AlpacaSymbolsTest {
    @ParameterizedTest
    @CsvSource({"BTCUSD,BTC/USD,BTCUSD", "ETHUSD,ETH/USD,ETHUSD", "SOLUSDT,SOL/USDT,SOLUSDT", "ETHBTC,ETH/BTC,ETHBTC",
            "SUIUSDC,SUI/USDC,SUIUSDC"})
    void cryptoRoundTrips(String internal, String alpaca, String path) {
        Instrument in = Instrument.crypto(internal);
        assertThat(AlpacaSymbols.toAlpaca(in)).isEqualTo(alpaca);
        assertThat(AlpacaSymbols.pathSegment(in)).isEqualTo(path);
        assertThat(AlpacaSymbols.fromAlpaca(alpaca, "crypto")).isEqualTo(in);
        assertThat(AlpacaSymbols.fromAlpaca(alpaca, null)).isEqualTo(in);
        assertThat(AlpacaSymbols.fromAlpaca(path, "crypto")).isEqualTo(in); // positions say BTCUSD
    }

    @Test
    void stocksAreUnchanged() {
        Instrument aapl = Instrument.stock("AAPL");
        assertThat(AlpacaSymbols.toAlpaca(aapl)).isEqualTo("AAPL");
        assertThat(AlpacaSymbols.fromAlpaca("AAPL", "us_equity")).isEqualTo(aapl);
        assertThat(AlpacaSymbols.fromAlpaca("BRK.B", null)).isEqualTo(Instrument.stock("BRK.B"));
    }

    @Test
    void unknownQuoteCurrencyIsAClearError() {
        assertThatThrownBy(() -> AlpacaSymbols.toAlpaca(Instrument.crypto("BTCEUR")))
                .hasMessageContaining("BTCEUR").hasMessageContaining("BTCUSD");
    }
}
