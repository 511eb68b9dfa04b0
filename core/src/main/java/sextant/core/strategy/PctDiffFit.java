package sextant.core.strategy;

/**
 * PctDiff's fitted parameters and the summed daily return they give on the fitted days.
 *
 * @param lowMultiplier    m_l, price factor on the long entry
 * @param highMultiplier   m_h, price factor on the short entry
 * @param takeProfitLong   p_long, take-profit distance above the long entry
 * @param takeProfitShort  p_short, take-profit distance below the short entry
 */
public record PctDiffFit(double lowMultiplier, double highMultiplier, double takeProfitLong, double takeProfitShort,
                         double value) {
    public static final PctDiffFit NEUTRAL = new PctDiffFit(0, 0, 0.003, 0.003, 0);
}
