/**
 * Chronos-Bolt in plain Java: the safetensors reader, the T5 encoder-decoder pass over float kernels (scalar, and
 * the Vector API where the JDK has it), the reference pipeline's padding and long-horizon roll-out, and the
 * {@code Forecaster} adapter. Its outputs are checked against the real Python code's fixtures in ../shared.
 */
package sextant.chronos;
