package sextant.core.strategy;

import sextant.core.optimize.MultiplierProblem;

/**
 * What MaxDiff and MaxDiffAlwaysOn are built from alike: the symbol's band problems and, per bar, one weight for the
 * long leg and one for the short leg (indexed like the bars, bar 0 unused). The subclass fills the weights in its
 * constructor by its own rule; after that they are never written, so the strategies stay immutable and shareable.
 */
abstract class LegWeights<R extends BlendedWindow> implements BlendedStrategy<R> {
    final BandProblems problems;
    final boolean crypto;
    final int periodsPerYear;
    final double[] wLong;
    final double[] wShort;

    LegWeights(BandSeries bands, boolean crypto, double fee, int periodsPerYear, FillModel fillModel) {
        this.problems = new BandProblems(bands, fee, fillModel);
        this.crypto = crypto;
        this.periodsPerYear = periodsPerYear;
        int len = bands.bars() + 1;
        wLong = new double[len];
        wShort = new double[len];
    }

    public boolean crypto() {
        return crypto;
    }

    @Override
    public MultiplierProblem problem(int from, int to) {
        return problems.over(wLong, wShort, from, to);
    }
}
