package sextant.app;

import sextant.paper.PaperConfig;

/**
 * One run of a replay: the real forecaster or a control, under the paper broker's settings and a decision lag.
 *
 * @param name     the run's name, also its state sub-directory
 * @param forecast which forecasts the engine trades on
 * @param paper    the paper broker's fees, slippage and leverage
 * @param lag      sessions between the newest bar a decision reads and the session it trades (0 = live)
 * @param threads  the engine's worker threads (0 = one per core)
 */
record ReplayVariant(String name, Forecast forecast, PaperConfig paper, int lag, int threads) {
    enum Forecast {
        /** The configured model. */
        MODEL,
        /** A constant ±1 % band: no forecast at all. */
        CONSTANT_BAND,
        /** The model's forecasts, each moved to another, earlier bar of the same symbol. */
        SHUFFLED
    }
}
