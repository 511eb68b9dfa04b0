package sextant.onnx;

/**
 * Input rows for a {@link QuantileModel}, read value by value so that callers can serve them straight from their
 * own arrays (bars, golden files) without building intermediate float arrays. A sample is V series of equal
 * meaning (V = 1 for univariate models); each series may be shorter than the model's context (it is then
 * left-padded with NaN) or longer (only the newest values are used). Values are oldest first; NaN means missing.
 */
public interface SeriesSamples {
    /** Number of samples (batch rows before padding). */
    int size();

    /** Series per sample: 1 for the B,T layout, V for B,V,T. */
    int variates();

    /** Observed values of one series. */
    int length(int sample, int variate);

    /** Value {@code k} (0 = oldest) of one series. */
    float value(int sample, int variate, int k);
}
