/**
 * The HTML reports ({@code sextant report}, {@code sextant replay --html}): self-contained pages whose charts are
 * inline SVG drawn here, so a report opens offline and shows exactly the figures the run printed. Nothing in this
 * package computes a number; it lays out what the engine and the replay already produced.
 */
package sextant.app.html;
