package sextant.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;

class SyntheticMarketTest {
    static final LocalDate FROM = LocalDate.of(2020, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @Test
    void sameSeedSameBarsWhateverTheRangeAsked() {
        BarSeries a = new SyntheticMarket(7).dailyBars(Instrument.stock("AAPL"), FROM, TO);
        SyntheticMarket m = new SyntheticMarket(7);
        m.dailyBars(Instrument.stock("AAPL"), FROM, LocalDate.of(2021, 6, 1));
        BarSeries b = m.dailyBars(Instrument.stock("AAPL"), FROM, TO);
        assertThat(b.close()).containsExactly(a.close());
        assertThat(b.epochDays()).containsExactly(a.epochDays());
        BarSeries other = new SyntheticMarket(8).dailyBars(Instrument.stock("AAPL"), FROM, TO);
        assertThat(other.close()[100]).isNotEqualTo(a.close()[100]);
    }

    @Test
    void stocksTradeWeekdaysOnlyAndCryptoEveryDay() {
        SyntheticMarket m = new SyntheticMarket(1);
        BarSeries s = m.dailyBars(Instrument.stock("SPY"), FROM, TO);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.date(i).getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        BarSeries c = m.dailyBars(Instrument.crypto("BTCUSD"), FROM, TO);
        assertThat(c.size()).isEqualTo((int) (TO.toEpochDay() - FROM.toEpochDay() + 1));
    }

    @Test
    void barsAreConsistentAndReturnsHaveFatTailsAndVolatilityClustering() {
        BarSeries s = new SyntheticMarket(3).dailyBars(Instrument.stock("QQQ"), LocalDate.of(2016, 1, 1), TO);
        int n = s.size();
        double[] r = new double[n - 1];
        for (int i = 1; i < n; i++) {
            assertThat(s.high()[i]).isGreaterThanOrEqualTo(Math.max(s.open()[i], s.close()[i]));
            assertThat(s.low()[i]).isLessThanOrEqualTo(Math.min(s.open()[i], s.close()[i]));
            r[i - 1] = Math.log(s.close()[i] / s.close()[i - 1]);
        }
        double mean = 0;
        for (double x : r) {
            mean += x;
        }
        mean /= r.length;
        double m2 = 0;
        double m4 = 0;
        for (double x : r) {
            double d = x - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= r.length;
        m4 /= r.length;
        double kurtosis = m4 / (m2 * m2);
        assertThat(kurtosis).as("excess kurtosis shows fat tails").isGreaterThan(4.0);
        // Volatility clustering: squared returns are positively autocorrelated.
        double ac = 0;
        double var2 = 0;
        double mean2 = m2;
        for (int i = 1; i < r.length; i++) {
            ac += (r[i] * r[i] - mean2) * (r[i - 1] * r[i - 1] - mean2);
        }
        for (double x : r) {
            var2 += (x * x - mean2) * (x * x - mean2);
        }
        assertThat(ac / var2).as("lag-1 autocorrelation of squared returns").isGreaterThan(0.05);
    }

    @Test
    void defaultUniverseSymbolsTradeNearTheirReferenceLevelsWithTheirKindsVolatility() {
        SyntheticMarket m = new SyntheticMarket(42);
        LocalDate from = LocalDate.of(2025, 3, 1);
        LocalDate to = LocalDate.of(2026, 3, 1);
        ReferenceLevels.all().forEach((symbol, ref) -> {
            Instrument inst = ref.kind().name().contains("COIN") || symbol.endsWith("USD")
                    ? Instrument.crypto(symbol) : Instrument.stock(symbol);
            BarSeries s = m.dailyBars(inst, from, to);
            // The anchor day's close is the reference level (up to rounding).
            int anchor = s.indexOnOrAfter(ReferenceLevels.ANCHOR.plusDays(1)) - 1;
            assertThat(s.close()[anchor]).as(symbol).isCloseTo(ref.level(), org.assertj.core.data.Percentage.withPercentage(1e-9));
            double vol = dailyVol(m.dailyBars(inst, LocalDate.of(2020, 1, 1), to));
            assertThat(vol).as(symbol + " realised daily volatility 2020-2026")
                    .isBetween(ref.kind().minVol * 0.6, ref.kind().maxVol * 1.6);
        });
        // Recognisable levels a year around the anchor (seed 42): bitcoin in the tens of thousands, SPY in the hundreds.
        BarSeries btc = m.dailyBars(Instrument.crypto("BTCUSD"), from, to);
        BarSeries spy = m.dailyBars(Instrument.stock("SPY"), from, to);
        for (int i = 0; i < btc.size(); i++) {
            assertThat(btc.close()[i]).isBetween(30_000.0, 250_000.0);
        }
        for (int i = 0; i < spy.size(); i++) {
            assertThat(spy.close()[i]).isBetween(400.0, 950.0);
        }
    }

    @Test
    void aReferencedSymbolsBarsAreTheSameWhateverRangeIsAskedEvenBeforeTheAnchor() {
        BarSeries early = new SyntheticMarket(5).dailyBars(Instrument.stock("SPY"), FROM, LocalDate.of(2021, 1, 1));
        BarSeries late = new SyntheticMarket(5).dailyBars(Instrument.stock("SPY"), FROM, LocalDate.of(2026, 6, 1));
        assertThat(late.slice(0, early.size()).close()).containsExactly(early.close());
        assertThat(new SyntheticMarket(6).dailyBars(Instrument.stock("SPY"), FROM, TO).close()[10])
                .isNotEqualTo(late.close()[10]);
    }

    @Test
    void otherSymbolsKeepASeededLevelOfTheirOwn() {
        double a = new SyntheticMarket(9).dailyBars(Instrument.stock("ZZZZ"), FROM, TO).close()[0];
        double b = new SyntheticMarket(9).dailyBars(Instrument.stock("ZZZZ"), FROM, TO).close()[0];
        assertThat(a).isEqualTo(b);
        assertThat(new SyntheticMarket(10).dailyBars(Instrument.stock("ZZZZ"), FROM, TO).close()[0]).isNotEqualTo(a);
    }

    private static double dailyVol(BarSeries s) {
        double sum = 0;
        double sum2 = 0;
        int n = s.size() - 1;
        for (int i = 1; i <= n; i++) {
            double r = Math.log(s.close()[i] / s.close()[i - 1]);
            sum += r;
            sum2 += r * r;
        }
        double mean = sum / n;
        return Math.sqrt(sum2 / n - mean * mean);
    }
}
