package sextant.core.strategy;

/**
 * What MaxDiff and MaxDiffAlwaysOn report alike for one window: the fitted parameters, the optimised daily series
 * and the original's blended totals ({@code baseline + 0.3 x optimised}).
 */
public interface BlendedWindow {
    boolean closeAtEod();

    double highMultiplier();

    double lowMultiplier();

    double baselineReturn();

    double optimisedReturn();

    double[] daily();

    double blendedReturn();

    double blendedSharpe();

    double blendedAvgDaily();

    int tradesTotal();
}
