package sextant.forecast;

import java.util.List;
import java.util.Map;
import java.util.Set;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Quantiles;
import sextant.core.forecast.Target;

/**
 * A control, not a model: every bar's forecast is the same band, close unchanged, high {@code +half_width}, low
 * {@code -half_width} (default ±1 %). It reads no bars. A strategy that looks as good on this band as on a real
 * forecaster's is being paid by the market's range, not by the forecast. {@code sextant replay} runs it beside the
 * configured model.
 */
final class ConstantBandForecaster extends BuiltInModel {
    static final String ID = "constant-band";
    static final Set<String> KEYS = Set.of("half_width");
    private final double halfWidth;

    ConstantBandForecaster(double halfWidth) {
        // It reads no bars, but a context needs one (the bar whose close the band is around).
        super(new ModelSpec(ID, 1).with("half_width", checkHalfWidth(halfWidth)));
        this.halfWidth = halfWidth;
    }

    private static double checkHalfWidth(double halfWidth) {
        if (!(halfWidth > 0 && halfWidth < 0.5)) {
            throw new IllegalArgumentException(ID + ": half_width must be in (0, 0.5), got " + halfWidth);
        }
        return halfWidth;
    }

    static ConstantBandForecaster fromConfig(Map<String, ?> config) {
        return new ConstantBandForecaster(new ModelParams(ID, config, KEYS).doubleValue("half_width", 0.01));
    }

    @Override
    public ForecastBatch forecast(List<ForecastContext> contexts) {
        ForecastBatch out = new ForecastBatch(contexts.size());
        for (int i = 0; i < contexts.size(); i++) {
            for (Target target : Target.values()) {
                double point = switch (target) {
                    case HIGH -> halfWidth;
                    case LOW -> -halfWidth;
                    default -> 0.0;
                };
                out.setPoint(i, target, point);
                for (int k = 0; k < Quantiles.COUNT; k++) {
                    out.setQuantile(i, target, k, point + (k - Quantiles.COUNT / 2) * halfWidth / 4);
                }
            }
        }
        return out;
    }
}
