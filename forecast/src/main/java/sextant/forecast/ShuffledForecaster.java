package sextant.forecast;

import java.util.ArrayList;
import java.util.List;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.Forecaster;
import sextant.core.forecast.ForwardingForecaster;

/**
 * A control, not a model: each bar's forecast is the wrapped model's forecast for another, earlier bar of the same
 * symbol, chosen by a seeded hash at a lag of {@value #MIN_LAG}–{@value #MAX_LAG} bars. The forecasts keep their
 * distribution (their typical width and skew) but lose their timing, and since only earlier bars are used, nothing
 * leaks from the future. What the real model earns above this control is what its timing adds.
 */
public final class ShuffledForecaster extends ForwardingForecaster {
    static final int MIN_LAG = 20;
    static final int MAX_LAG = 250;
    private final long seed;

    public ShuffledForecaster(Forecaster inner, long seed) {
        super(inner);
        this.seed = seed;
    }

    @Override
    public String id() {
        return "shuffled:" + model.id();
    }

    @Override
    public String parametersKey() {
        return model.parametersKey() + ";shuffle_seed=" + seed + ";lag=" + MIN_LAG + "-" + MAX_LAG;
    }

    @Override
    public int contextLength() {
        return model.contextLength() == 0 ? 0 : model.contextLength() + MAX_LAG;
    }

    @Override
    public ForecastBatch forecast(List<ForecastContext> contexts) {
        List<ForecastContext> moved = new ArrayList<>(contexts.size());
        for (ForecastContext c : contexts) {
            moved.add(new ForecastContext(c.bars(), Math.max(1, c.targetIndex() - lag(c))));
        }
        return model.forecast(moved);
    }

    /** A lag fixed by the symbol, the date of the newest context bar and the seed (so a re-run agrees). */
    int lag(ForecastContext c) {
        int day = c.bars().epochDays()[c.targetIndex() - 1];
        long h = seed * 0x9E3779B97F4A7C15L + c.bars().symbol().hashCode() * 0xC2B2AE3D27D4EB4FL + day;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return MIN_LAG + (int) Math.floorMod(h, (long) (MAX_LAG - MIN_LAG + 1));
    }
}
