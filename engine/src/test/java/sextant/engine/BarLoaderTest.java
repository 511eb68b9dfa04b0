package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;

class BarLoaderTest {
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

    static final LocalDate D = LocalDate.of(2025, 3, 3);

    @Test
    void tooFewStaleOrGappyBarsAreNamedWithWhatToDo() {
        Instrument s = Instrument.stock("AAA");
        assertThat(BarLoader.problem(bars(s, D, D.plusDays(1)), D.plusDays(2), 3))
                .isEqualTo("data: only 2 bars before 2025-03-05 (need at least 3)");
        assertThat(BarLoader.problem(bars(s, D, D.plusDays(1), D.plusDays(2)), D.plusDays(10), 3))
                .startsWith("data: stale, newest bar is 2025-03-05 for a cycle on 2025-03-13");
        assertThat(BarLoader.problem(bars(s, D, D.plusDays(1), D.plusDays(9)), D.plusDays(10), 3))
                .isEqualTo("data: gap of 8 days between 2025-03-04 and 2025-03-12 (more than 7); fill the missing bars"
                        + " or shorten data.lookback-days");
        // A long weekend is a closure, not a gap; for crypto four days is.
        assertThat(BarLoader.problem(bars(s, D, D.plusDays(4), D.plusDays(5)), D.plusDays(6), 3)).isNull();
        assertThat(BarLoader.problem(bars(Instrument.crypto("BTCUSD"), D, D.plusDays(4), D.plusDays(5)), D.plusDays(6), 3))
                .startsWith("data: gap of 4 days");
    }
}
