package sextant.onnx;

/**
 * Model quantiles for every sample, in one canonical order {@code [sample][variate][quantile][step]} whatever the
 * model's own output layout was. Values are in the units of the input series.
 */
public final class QuantileOutput {
    private final float[] values;
    private final int samples;
    private final int variates;
    private final int quantiles;
    private final int horizon;

    QuantileOutput(float[] values, int samples, int variates, int quantiles, int horizon) {
        this.values = values;
        this.samples = samples;
        this.variates = variates;
        this.quantiles = quantiles;
        this.horizon = horizon;
    }

    public int samples() {
        return samples;
    }

    public int variates() {
        return variates;
    }

    public int quantiles() {
        return quantiles;
    }

    public int horizon() {
        return horizon;
    }

    public float get(int sample, int variate, int quantile, int step) {
        return values[index(sample, variate, quantile, step)];
    }

    int index(int sample, int variate, int quantile, int step) {
        return ((sample * variates + variate) * quantiles + quantile) * horizon + step;
    }

    float[] raw() {
        return values;
    }
}
