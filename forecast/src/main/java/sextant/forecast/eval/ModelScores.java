package sextant.forecast.eval;

import sextant.core.forecast.Target;

/** The three targets' scores of one model. */
public record ModelScores(TargetScores close, TargetScores high, TargetScores low) {

    public TargetScores of(Target target) {
        return switch (target) {
            case CLOSE -> close;
            case HIGH -> high;
            case LOW -> low;
        };
    }

    /** Mean of the three targets' MAE: the per-symbol selection metric ({@code pct_return_mae}). */
    public double meanMae() {
        return (close.mae() + high.mae() + low.mae()) / 3.0;
    }
}
