package sextant.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.forecast.Forecaster;
import sextant.core.forecast.Target;
import sextant.forecast.eval.EvaluationReport;
import sextant.forecast.eval.ForecastEvaluation;
import sextant.forecast.eval.ModelScores;

/** Issue 4's target: on the real daily bars the best built-in model beats naive on high and low MAE by >= 15 %. */
class RealDataTargetTest {

    private static EvaluationReport evaluate(int windows) {
        List<Forecaster> models = new ArrayList<>();
        for (String id : Forecasters.ids()) {
            models.add(Forecasters.create(id, 42));
        }
        return ForecastEvaluation.run(SharedData.daily(), models, windows);
    }

    @Test
    void bestModelBeatsNaiveOnHighAndLowMaeByFifteenPercent() {
        EvaluationReport report = evaluate(250);
        System.out.println(report.toText());
        ModelScores naive = report.models().get("naive");
        ModelScores best = report.models().get(Forecasters.DEFAULT_ID);
        assertThat(report.symbols()).isEqualTo(35);
        for (Target t : new Target[] {Target.HIGH, Target.LOW}) {
            double improvement = 1.0 - best.of(t).mae() / naive.of(t).mae();
            assertThat(improvement).as("%s MAE improvement of %s over naive", t, Forecasters.DEFAULT_ID).isGreaterThanOrEqualTo(0.15);
        }
        // The default is the best built-in on the mean of high and low MAE.
        double bestHl = best.high().mae() + best.low().mae();
        report.models().forEach((id, s) -> assertThat(s.high().mae() + s.low().mae()).as(id).isGreaterThanOrEqualTo(bestHl - 1e-12));
    }

    @Test
    void seventyWindowRunAlsoMeetsTheTarget() {
        EvaluationReport report = evaluate(70);
        System.out.println(report.toText());
        ModelScores naive = report.models().get("naive");
        ModelScores best = report.models().get(Forecasters.DEFAULT_ID);
        assertThat(1.0 - best.high().mae() / naive.high().mae()).isGreaterThanOrEqualTo(0.15);
        assertThat(1.0 - best.low().mae() / naive.low().mae()).isGreaterThanOrEqualTo(0.15);
    }
}
