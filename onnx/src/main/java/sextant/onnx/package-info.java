/**
 * Foundation-model forecasting on ONNX Runtime (Chronos-Bolt, Chronos-2, TimesFM, Toto-2.0 exports).
 *
 * <h2>Model directory</h2>
 * An ONNX file plus a manifest JSON ({@link sextant.onnx.ModelManifest}): {@code file}, {@code input},
 * {@code output}, {@code input_layout}/{@code output_layout} ({@code B,T -> B,Q,H} or {@code B,V,T -> Q,B,V,H}),
 * {@code context_length}, {@code prediction_length}, {@code quantile_levels}, {@code missing_values}
 * ({@code "NaN, left-padded"}). The optimised graph is cached beside it as
 * {@code <model>.onnx.<sha256-16>.<ep>-ort<version>-<arch>.opt.onnx} (or under {@code java.io.tmpdir/sextant-ort-cache}
 * when the directory is read-only).
 *
 * <h2>From contexts to quantiles</h2>
 * For a context with target index t the model reads bars {@code [max(0, t - T), t)}: the close, high and low
 * levels, each scaled by {@code 100 / close[t-1]}; shorter histories are left-padded with NaN.
 * <ul>
 *   <li>Univariate models see three independent rows per context (close, high, low).</li>
 *   <li>Multivariate models see one row with V = 3 variates (close, high, low); output {@code [Q,B,V,H]} is read
 *       back by variate.</li>
 * </ul>
 * Only the first predicted step is used. A predicted level quantile q becomes the percent change
 * {@code q / X[t-1] - 1} of its target X; the model's quantile levels are linearly interpolated to 0.1..0.9 (flat
 * beyond the model's outermost levels), sorted so they never cross, and the median is the point forecast.
 *
 * <h2>Batching and start-up</h2>
 * All rows of a call go through fixed-size batches; the last one is filled with copies of its first row, so the
 * session sees exactly one input shape, which {@link sextant.onnx.OnnxForecaster#warmUp(int)} runs once.
 * {@link sextant.onnx.OnnxForecaster#open} is safe to call on a background thread while bars load.
 */
package sextant.onnx;
