package sextant.core.optimize;

/**
 * The multipliers an optimiser chose and the objective there, scored with the real kernel.
 *
 * @param highMultiplier m_h, added to the predicted high band (a return, not a price factor)
 * @param lowMultiplier  m_l, added to the predicted low band
 * @param value          sum of the daily kernel PnL over the fitted days at (m_h, m_l)
 * @param closeAtEod     the close-at-EOD flag the fit used
 */
public record MultiplierFit(double highMultiplier, double lowMultiplier, double value, boolean closeAtEod) {
}
