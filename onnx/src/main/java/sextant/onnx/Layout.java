package sextant.onnx;

import java.util.Locale;
import java.util.Optional;
import sextant.core.key.Keyed;

/**
 * The two tensor layouts published quantile forecasters use. Only these pairs are accepted; anything else is
 * rejected at load time because the output could not be mapped back without guessing.
 */
public enum Layout implements Keyed {
    /** Chronos-Bolt style: context float[B,T] to quantiles float[B,Q,H]; one series per batch row. */
    UNIVARIATE("B,T", "B,Q,H"),
    /** Toto-2.0 style: context float[B,V,T] to quantiles float[Q,B,V,H]; V series per batch row. */
    MULTIVARIATE("B,V,T", "Q,B,V,H");

    /** Axis names in order, comma-separated (an enum holds only immutable state); the rank is their count. */
    private final String input;
    private final String output;
    private final int inputRank;
    private final int outputRank;

    Layout(String input, String output) {
        this.input = input;
        this.output = output;
        inputRank = input.split(",").length;
        outputRank = output.split(",").length;
    }

    /** As manifests name it and the forecast store's parameters key records it: {@code B,T}. */
    public String input() {
        return input;
    }

    public String output() {
        return output;
    }

    public int inputRank() {
        return inputRank;
    }

    public int outputRank() {
        return outputRank;
    }

    /** Input and output, as a manifest's pair of layouts reads once canonical: {@code b,t->b,q,h}. */
    @Override
    public String key() {
        return (input() + "->" + output()).toLowerCase(Locale.ROOT);
    }

    /** Drops brackets and spaces, so manifests may write "[b, v, t]" for "B,V,T" (case is ignored by the lookup). */
    static String canonical(String layout) {
        return layout.replace("[", "").replace("]", "").replace(" ", "");
    }

    /** The layout whose input and output match; empty when the pair is not supported. */
    static Optional<Layout> of(String inputLayout, String outputLayout) {
        return Keyed.find(values(), canonical(inputLayout) + "->" + canonical(outputLayout));
    }
}
