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

    /** An evaluation over {@code windows} walk-forward windows (printed), with naive and the default's scores. */
    private record Run(EvaluationReport report, ModelScores naive, ModelScores best) {
    }

    private static Run evaluate(int windows) {
        List<Forecaster> models = new ArrayList<>();
        for (String id : Forecasters.ids()) {
            models.add(Forecasters.create(id, 42));
        }
        EvaluationReport report = ForecastEvaluation.run(SharedData.daily(), models, windows);
        System.out.println(report.toText());
        return new Run(report, report.models().get("naive"), report.models().get(Forecasters.DEFAULT_ID));
    }

    @Test
    void bestModelBeatsNaiveOnHighAndLowMaeByFifteenPercent() {
        Run run = evaluate(250);
        assertThat(run.report().symbols()).isEqualTo(35);
        for (Target t : new Target[] {Target.HIGH, Target.LOW}) {
            double improvement = 1.0 - run.best().of(t).mae() / run.naive().of(t).mae();
            assertThat(improvement).as("%s MAE improvement of %s over naive", t, Forecasters.DEFAULT_ID).isGreaterThanOrEqualTo(0.15);
        }
        // The default is the best built-in on the mean of high and low MAE.
        double bestHl = run.best().high().mae() + run.best().low().mae();
        run.report().models().forEach((id, s) -> assertThat(s.high().mae() + s.low().mae()).as(id).isGreaterThanOrEqualTo(bestHl - 1e-12));
    }

    @Test
    void seventyWindowRunAlsoMeetsTheTarget() {
        Run run = evaluate(70);
        assertThat(1.0 - run.best().high().mae() / run.naive().high().mae()).isGreaterThanOrEqualTo(0.15);
        assertThat(1.0 - run.best().low().mae() / run.naive().low().mae()).isGreaterThanOrEqualTo(0.15);
    }
}
