package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.market.AssetClass;
import sextant.core.market.BarSeries;
import sextant.core.market.DataFinding;
import sextant.core.market.DataRule;
import sextant.core.market.Instrument;
import sextant.data.CsvMarketData;
import sextant.testkit.Shared;

class BarValidatorTest {
    static final LocalDate D = LocalDate.of(2025, 3, 3);

    static BarSeries bars(Instrument i, LocalDate... dates) {
        int n = dates.length;
        int[] d = new int[n];
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = (int) dates[k].toEpochDay();
            p[k] = 100;
        }
        return BarSeries.of(i, d, p, p, p, p, new double[n]);
    }

    static String first(BarSeries b, LocalDate asOf, int minBars) {
        List<DataFinding> f = BarValidator.check(b, asOf.minusDays(900), asOf, minBars);
        return f.isEmpty() ? null : f.get(0).describe();
    }

    @Test
    void tooFewStaleOrGappyBarsAreNamedWithTheRuleTheDateAndWhatToDo() {
        Instrument s = Instrument.stock("AAA");
        assertThat(first(bars(s, D, D.plusDays(1)), D.plusDays(2), 3))
                .isEqualTo("too-few-bars on 2025-03-04: only 2 bars before 2025-03-05 (need at least 3)");
        assertThat(first(bars(s, D, D.plusDays(1), D.plusDays(2)), D.plusDays(10), 3))
                .startsWith("stale on 2025-03-05: newest bar is 2025-03-05 for a cycle on 2025-03-13");
        assertThat(first(bars(s, D, D.plusDays(1), D.plusDays(9)), D.plusDays(10), 3))
                .isEqualTo("missing-sessions on 2025-03-12: gap of 8 days between 2025-03-04 and 2025-03-12 (more than 7);"
                        + " fill the missing bars or shorten data.lookback-days");
        // A long weekend is a closure, not a gap; for crypto four days is.
        assertThat(first(bars(s, D, D.plusDays(4), D.plusDays(5)), D.plusDays(6), 3)).isNull();
        assertThat(first(bars(Instrument.crypto("BTCUSD"), D, D.plusDays(4), D.plusDays(5)), D.plusDays(6), 3))
                .startsWith("missing-sessions on 2025-03-07: gap of 4 days");
        // A typo'd future --as-of: nothing in the lookback at all.
        assertThat(first(BarSeries.empty(s), LocalDate.of(2030, 1, 1), 3))
                .startsWith("stale on 2030-01-01: no bars between 2027-07-16 and 2029-12-31 for a cycle on 2030-01-01;"
                        + " check --as-of");
    }

    @Test
    void noRealBarInTheReferenceDataIsAnOutlierButAHighTimesTenIs() {
        CsvMarketData daily = CsvMarketData.open(Shared.path("data/daily"));
        for (BarSeries b : daily.loadAll(sym -> AssetClass.STOCK)) {
            assertThat(outliers(b)).as(b.instrument().symbol()).isEmpty();
        }
        CsvMarketData crypto = CsvMarketData.open(Shared.path("data/crypto"));
        BarSeries sui = crypto.loadAll(sym -> AssetClass.CRYPTO).get(0);
        assertThat(outliers(sui)).as("the 2025-10-10 flash crash is real").isEmpty();

        BarSeries hei = daily.dailyBars(Instrument.stock("HEI"), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 18));
        int k = hei.size() - 20;
        double[] high = hei.high().clone();
        high[k] *= 10;
        BarSeries typo = BarSeries.of(hei.instrument(), hei.epochDays(), hei.open(), high, hei.low(), hei.close(),
                hei.volume());
        assertThat(outliers(typo)).singleElement().satisfies(f -> {
            assertThat(f.date()).isEqualTo(hei.date(k));
            assertThat(f.describe()).startsWith("outlier on " + hei.date(k) + ": high ").contains("x the bar's open/close")
                    .contains("times the median daily range");
        });
    }

    private static List<DataFinding> outliers(BarSeries b) {
        return BarValidator.check(b, b.date(0), b.lastDate().plusDays(1), 1).stream()
                .filter(f -> f.rule() == DataRule.OUTLIER).toList();
    }
}
