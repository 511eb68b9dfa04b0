package sextant.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sextant.core.backtest.Metrics;

/** anchor-spec §9.3 plus the fields the original never produced (W-24). */
class PerformanceMetricsTest {
    @Test
    void constantReturnsHaveZeroSharpe() {
        double[] r = new double[10];
        Arrays.fill(r, 0.005);
        Metrics m = PerformanceMetrics.of(r, 0, 10, 252, 10);
        assertThat(m.sharpe()).isZero();
        assertThat(m.avgDailyReturn()).isCloseTo(0.005, within(1e-15));
        assertThat(m.avgDailyReturn() * 252).isCloseTo(1.26, within(1e-12));
        assertThat(m.winRate()).isEqualTo(1.0);
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.sortino()).isZero();
    }

    @Test
    void sharpeIsPopulationStdAndScalesWithSqrtPeriods() {
        double[] r = {0.01, -0.02, 0.03, 0.0};
        double mean = 0.005;
        double std = Math.sqrt(((0.005 * 0.005) + (0.025 * 0.025) + (0.025 * 0.025) + (0.005 * 0.005)) / 4);
        assertThat(PerformanceMetrics.sharpePopulation(r, 0, 4, 252)).isCloseTo(mean / std * Math.sqrt(252), within(1e-12));
        assertThat(PerformanceMetrics.sharpePopulation(r, 0, 4, 252 * 24) / PerformanceMetrics.sharpePopulation(r, 0, 4, 252))
                .isCloseTo(Math.sqrt(24), within(1e-12));
        double sample = Math.sqrt(((0.005 * 0.005) + (0.025 * 0.025) + (0.025 * 0.025) + (0.005 * 0.005)) / 3);
        assertThat(PerformanceMetrics.sharpeSample(r, 0, 4, 252)).isCloseTo(mean / sample * Math.sqrt(252), within(1e-12));
    }

    @Test
    void nanIsIgnored() {
        assertThat(PerformanceMetrics.mean(new double[] {.01, Double.NaN, .02, .015}, 0, 4)).isCloseTo(0.015, within(1e-15));
    }

    @Test
    void drawdownWinRateTurnoverAndCompounding() {
        double[] r = {0.10, -0.20, 0.05, 0.0};
        Metrics m = PerformanceMetrics.of(r, 0, 4, 252, 3);
        assertThat(m.totalReturn()).isCloseTo(-0.05, within(1e-15));
        assertThat(m.compoundedReturn()).isCloseTo(1.1 * 0.8 * 1.05 - 1, within(1e-15));
        assertThat(m.maxDrawdown()).isCloseTo(-0.20, within(1e-15));
        assertThat(m.winRate()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(m.turnover()).isCloseTo(0.35 / 4, within(1e-15));
        assertThat(m.sortino()).isCloseTo(-0.0125 / Math.sqrt(0.04 / 4) * Math.sqrt(252), within(1e-12));
        assertThat(m.trades()).isEqualTo(3);
        assertThat(m.days()).isEqualTo(4);
    }

    @Test
    void averageOfWindows() {
        MetricsAverage avg = new MetricsAverage();
        avg.add(new Metrics(0.02, 0.02, 1, 2, -0.01, 0.5, 0.01, 3, 6));
        avg.add(new Metrics(0.04, 0.05, 3, 4, -0.03, 1.0, 0.03, 5, 6));
        Metrics m = avg.mean();
        assertThat(m.totalReturn()).isCloseTo(0.03, within(1e-15));
        assertThat(m.sharpe()).isEqualTo(2);
        assertThat(m.trades()).isEqualTo(4);
        assertThat(m.avgDailyReturn()).isCloseTo(0.005, within(1e-15));
        assertThat(new MetricsAverage().mean()).isEqualTo(Metrics.EMPTY);
    }
}
