package sextant.core.forecast;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Results for a batch of contexts: for each context and target, a point forecast and the nine quantiles of
 * the one-bar percent change. Flat primitive storage; row layout is
 * {@code [context][target][point, q0.1 .. q0.9]}.
 */
public final class ForecastBatch {
    /** Doubles per context: 3 targets x (point + 9 quantiles). */
    public static final int STRIDE_TARGET = 1 + Quantiles.COUNT;
    public static final int STRIDE = Target.COUNT * STRIDE_TARGET;

    private final double[] values;
    private final int size;

    public ForecastBatch(int size) {
        this.size = size;
        this.values = new double[size * STRIDE];
        Arrays.fill(values, Double.NaN);
    }

    public int size() {
        return size;
    }

    public double point(int i, Target t) {
        return values[i * STRIDE + t.index() * STRIDE_TARGET];
    }

    public double quantile(int i, Target t, int q) {
        return values[i * STRIDE + t.index() * STRIDE_TARGET + 1 + q];
    }

    public void setPoint(int i, Target t, double v) {
        values[i * STRIDE + t.index() * STRIDE_TARGET] = v;
    }

    public void setQuantile(int i, Target t, int q, double v) {
        values[i * STRIDE + t.index() * STRIDE_TARGET + 1 + q] = v;
    }

    /** Sets the nine quantiles of context i and target t to {@code value} of each of {@code q}, in order. */
    public void setQuantiles(int i, Target t, double[] q, DoubleUnaryOperator value) {
        for (int k = 0; k < Quantiles.COUNT; k++) {
            setQuantile(i, t, k, value.applyAsDouble(q[k]));
        }
    }

    /** Copies one context's {@link #STRIDE} values out (for storage). */
    public double[] row(int i) {
        return Arrays.copyOfRange(values, i * STRIDE, (i + 1) * STRIDE);
    }

    /** Copies one context's {@link #STRIDE} values in (from storage or another batch). */
    public void setRow(int i, double[] row) {
        if (row.length != STRIDE) {
            throw new IllegalArgumentException("row of " + row.length + " values, expected " + STRIDE);
        }
        System.arraycopy(row, 0, values, i * STRIDE, STRIDE);
    }

    /** True when every point and quantile of context i is finite. */
    public boolean isComplete(int i) {
        for (int k = i * STRIDE; k < (i + 1) * STRIDE; k++) {
            if (!Double.isFinite(values[k])) {
                return false;
            }
        }
        return true;
    }
}
