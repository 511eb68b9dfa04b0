package sextant.core.strategy;

import sextant.core.optimize.MultiplierProblem;

/**
 * The multiplier problems of a MaxDiff-family strategy on one symbol: its bands, the per-side fee and the fill model;
 * the strategy chooses each bar's leg weights. The conservative fill model reads the bars' opens, so it refuses bands
 * without them.
 */
record BandProblems(BandSeries bands, double fee, FillModel fillModel) {
    BandProblems {
        if (fillModel == FillModel.CONSERVATIVE && bands.moves() == null) {
            throw new IllegalArgumentException("the conservative fill model needs the bars' opens");
        }
    }

    /** Bars [from, to) with these long and short leg weights (indexed by bar), carried to the window's end. */
    MultiplierProblem over(double[] wLong, double[] wShort, int from, int to) {
        return new MultiplierProblem(bands.closeActual(), bands.highActual(), bands.lowActual(),
                bands.highPredicted(), bands.lowPredicted(), wLong, wShort, from, to, fee,
                fillModel == FillModel.CONSERVATIVE ? bands.moves() : null, to);
    }
}
