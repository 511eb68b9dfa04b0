package sextant.core.order;

/** Account state read fresh before sizing (fixes W-11's stale import-time globals). */
public record Account(double cash, double equity, double buyingPower, double lastEquity) {
}
