package sextant.paper;

/**
 * The order of a session's two extremes on its price path ({@code paper:daily-bar-path}). A daily bar does not say
 * whether its high or its low came first, so the paper broker takes the order that is adverse to the symbol's
 * exposure at the open.
 */
enum PathOrder {
    /** Open, high, low, close: for a long position (or, flat, a net buying entry). */
    HIGH_FIRST,
    /** Open, low, high, close: for a short position (or, flat, a net selling entry). */
    LOW_FIRST;

    /** The order for a signed exposure: negative is short; zero (entries that cancel out) counts as long. */
    static PathOrder adverseTo(double signedExposure) {
        return signedExposure < 0 ? LOW_FIRST : HIGH_FIRST;
    }
}
