package sextant.app.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the charts, checked on numbers worked out by hand. */
class HtmlPiecesTest {
    private static double day(String d) {
        return LocalDate.parse(d).toEpochDay();
    }

    @Test
    void monthlyReturnsChainFromTheLastEquityOfThePreviousMonth() {
        ReplayHtmlReport.Equity e = new ReplayHtmlReport.Equity(
                new double[] {day("2025-12-30"), day("2025-12-31"), day("2026-01-02"), day("2026-01-30"), day("2026-02-02")},
                new double[] {100, 110, 99, 121, 133.1});
        Map<Integer, double[]> m = ReplayHtmlReport.monthlyReturns(e);
        assertThat(m.get(2025)[11]).isCloseTo(0.10, within(1e-12));
        assertThat(m.get(2026)[0]).isCloseTo(0.10, within(1e-12));
        assertThat(m.get(2026)[1]).isCloseTo(0.10, within(1e-12));
        assertThat(m.get(2026)[2]).isNaN();
        assertThat(m.get(2025)[0]).isNaN();
    }

    @Test
    void drawdownIsTheDistanceBelowTheRunningPeak() {
        assertThat(ReplayHtmlReport.drawdown(new double[] {100, 120, 90, 130}))
                .containsExactly(0, 0, -0.25, 0);
    }

    @Test
    void aMalformedEquityEntryIsNamedByIndex() throws Exception {
        var arr = new ObjectMapper().readTree("[[\"2025-03-03\", 1.0], [\"2025-03-04\"]]");
        assertThatThrownBy(() -> ReplayHtmlReport.equity(arr, "replay.equity"))
                .hasMessageContaining("replay.equity[1]");
    }

    @Test
    void scaleTicksAreRoundAndCoverTheData() {
        Scale s = Scale.nice(-0.123, 0.087, 300, 0, 5);
        assertThat(s.d0()).isLessThanOrEqualTo(-0.123);
        assertThat(s.d1()).isGreaterThanOrEqualTo(0.087);
        assertThat(s.step()).isEqualTo(0.05);
        assertThat(s.ticks()).contains(0.0, -0.1, 0.05);
        assertThat(s.at(s.d0())).isEqualTo(300);
        assertThat(Html.tick(-2.5, 2.5)).isEqualTo("-2.5");
        assertThat(Html.tick(101500, 500)).isEqualTo("101,500");
    }

    @Test
    void strategyCurveCompoundsTheMeanAndItsStandardError() {
        List<Map<String, Object>> rows = List.of(
                Map.of("strategy", "maxdiff", "windows", 70, "oos_avg_daily", 0.001),
                Map.of("strategy", "maxdiff", "windows", 70, "oos_avg_daily", 0.003),
                Map.of("strategy", "simple", "windows", 0, "oos_avg_daily", 0.5));
        List<StrategyCurves.Curve> curves = StrategyCurves.fromBacktests(rows, 10);
        assertThat(curves).hasSize(1);
        StrategyCurves.Curve c = curves.get(0);
        // mean 0.002; sd of {0.001, 0.003} is sqrt(2e-6); SE = sd / sqrt(2) = 0.001.
        assertThat(c.cumulative()[10]).isCloseTo(Math.pow(1.002, 10) - 1, within(1e-12));
        assertThat(c.upper()[10]).isCloseTo(Math.pow(1.003, 10) - 1, within(1e-12));
        assertThat(c.lower()[10]).isCloseTo(Math.pow(1.001, 10) - 1, within(1e-12));
        assertThat(c.cumulative()[0]).isZero();
    }

    @Test
    void textInChartsAndTablesIsEscaped() {
        String svg = new LineChart("a <b> & \"c\"", "x", "y").line("s<", new double[] {0, 1}, new double[] {1, 2},
                "#000", false).svg();
        assertThat(svg).contains("a &lt;b&gt; &amp; &quot;c&quot;").doesNotContain("<b>").contains("data-points=\"2\"");
        String table = new Table("t", List.of("h")).row(List.of(Table.Cell.text("<script>"))).html();
        assertThat(table).contains("&lt;script&gt;").doesNotContain("<script>");
    }
}
