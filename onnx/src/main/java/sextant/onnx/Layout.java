package sextant.onnx;

import java.util.Locale;

/**
 * The two tensor layouts published quantile forecasters use. Only these pairs are accepted; anything else is
 * rejected at load time because the output could not be mapped back without guessing.
 */
public enum Layout {
    /** Chronos-Bolt style: context float[B,T] to quantiles float[B,Q,H]; one series per batch row. */
    UNIVARIATE("B,T", "B,Q,H"),
    /** Toto-2.0 style: context float[B,V,T] to quantiles float[Q,B,V,H]; V series per batch row. */
    MULTIVARIATE("B,V,T", "Q,B,V,H");

    private final String input;
    private final String output;

    Layout(String input, String output) {
        this.input = input;
        this.output = output;
    }

    public String input() {
        return input;
    }

    public String output() {
        return output;
    }

    public int inputRank() {
        return this == UNIVARIATE ? 2 : 3;
    }

    public int outputRank() {
        return this == UNIVARIATE ? 3 : 4;
    }

    /** Normalises "[b, v, t]" to "B,V,T" so manifests may use brackets, spaces or lower case. */
    static String canonical(String layout) {
        return layout.replace("[", "").replace("]", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** The layout whose input and output match, or null when the pair is not supported. */
    static Layout of(String inputLayout, String outputLayout) {
        String in = canonical(inputLayout);
        String out = canonical(outputLayout);
        for (Layout l : values()) {
            if (l.input.equals(in) && l.output.equals(out)) {
                return l;
            }
        }
        return null;
    }
}
