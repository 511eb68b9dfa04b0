package sextant.core.optimize;

import java.util.Random;

/**
 * What the optimiser tests draw for each bar of a random window after its moves: forecast bands near the actual
 * high and low, and a direction (long, short or both for the always-on strategy). One helper, so both tests draw
 * in the same order and their problems stay comparable.
 */
final class RandomSignals {
    final double[] highPred;
    final double[] lowPred;
    final double[] longWeight;
    final double[] shortWeight;

    RandomSignals(int len) {
        highPred = new double[len];
        lowPred = new double[len];
        longWeight = new double[len];
        shortWeight = new double[len];
    }

    /** Bar {@code t}: bands {@code vol} around the actual moves, then its weights. */
    void draw(Random rnd, int t, double vol, double actualHigh, double actualLow, boolean alwaysOn) {
        highPred[t] = actualHigh + vol * rnd.nextGaussian();
        lowPred[t] = actualLow + vol * rnd.nextGaussian();
        if (alwaysOn) {
            longWeight[t] = 1;
            shortWeight[t] = rnd.nextInt(4) == 0 ? 0 : 1;
        } else {
            int w = rnd.nextInt(3) - 1;
            longWeight[t] = w > 0 ? 1 : 0;
            shortWeight[t] = w < 0 ? 1 : 0;
        }
    }
}
