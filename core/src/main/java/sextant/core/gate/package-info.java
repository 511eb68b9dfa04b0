/**
 * Whether a step may open new positions (the operator's kill switch). Only entries ask: exits never do, so a stopped
 * account still closes what it holds.
 */
package sextant.core.gate;
