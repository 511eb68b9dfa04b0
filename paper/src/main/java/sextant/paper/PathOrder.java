package sextant.paper;

/**
 * The order of a session's two extremes on its price path ({@code paper:daily-bar-path}). A daily bar does not say
 * whether its high or its low came first, so the paper broker takes the order that is adverse to the symbol's
 * exposure at the open.
 */
enum PathOrder {
    /** Open, high, low, close: for a short position, or, flat, a net buying entry. */
    HIGH_FIRST,
    /** Open, low, high, close: for a long position, or, flat, a net selling entry. */
    LOW_FIRST;

    /**
     * For a position held at the open, the extreme against it comes first, so a protective stop is reached before
     * the take-profit: long is low first.
     */
    static PathOrder adverseToHeld(double signedQty) {
        return signedQty > 0 ? LOW_FIRST : HIGH_FIRST;
    }

    /**
     * For entries working while flat, the extreme that fills them comes last, so an entry filled at the extreme has
     * only the close left to take profit on (the conservative kernel's rule): a net buying entry is high first.
     * Zero (entries that cancel out) counts as buying.
     */
    static PathOrder adverseToEntries(double signedExposure) {
        return signedExposure < 0 ? LOW_FIRST : HIGH_FIRST;
    }
}
