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
}
