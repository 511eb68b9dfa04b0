package sextant.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import sextant.core.order.Side;

/**
 * How a position plan exits besides its take-profit ({@code exits.*}).
 *
 * @param stopLoss           the protective stop as a fraction of the entry price (0.02: 2 % through the entry);
 *                           empty: no stop (the default, as the backtest has none)
 * @param maxHoldingSessions the time stop in sessions counted from the entry's session; empty: 1 for a close-at-EOD
 *                           strategy, else 2, which is what the conservative kernel assumes (carried one bar, then
 *                           closed at that bar's close)
 * @param eodPassive         how long before the close a position due to close that day gets a passive limit
 * @param eodMarketable      how long before the close that limit becomes a market order
 */
public record ExitSettings(OptionalDouble stopLoss, OptionalInt maxHoldingSessions, Duration eodPassive,
                           Duration eodMarketable) {
    public ExitSettings {
        Objects.requireNonNull(stopLoss, "stopLoss");
        Objects.requireNonNull(maxHoldingSessions, "maxHoldingSessions");
        Objects.requireNonNull(eodPassive, "eodPassive");
        Objects.requireNonNull(eodMarketable, "eodMarketable");
        if (stopLoss.isPresent() && !(stopLoss.getAsDouble() > 0 && stopLoss.getAsDouble() < 1)) {
            throw new IllegalArgumentException("exits.stop-loss must be a fraction in (0, 1), got " + stopLoss.getAsDouble());
        }
        if (maxHoldingSessions.isPresent() && maxHoldingSessions.getAsInt() < 1) {
            throw new IllegalArgumentException("exits.max-holding-sessions must be >= 1, got "
                    + maxHoldingSessions.getAsInt());
        }
        if (eodMarketable.isNegative() || eodPassive.compareTo(eodMarketable) <= 0) {
            throw new IllegalArgumentException("exits.eod-passive-minutes (" + eodPassive.toMinutes()
                    + ") must be more than exits.eod-marketable-minutes (" + eodMarketable.toMinutes() + "), and both >= 0");
        }
    }

    /** No stop, the kernel's time stops, passive 15 minutes and marketable 5 minutes before the close. */
    public static ExitSettings defaults() {
        return new ExitSettings(OptionalDouble.empty(), OptionalInt.empty(), Duration.ofMinutes(15), Duration.ofMinutes(5));
    }

    /** The time stop of a plan opened by a strategy that does or does not close at the end of the day. */
    public int holdingSessions(boolean closeAtEod) {
        return maxHoldingSessions.orElse(closeAtEod ? 1 : 2);
    }

    /** The protective stop of an entry on {@code side} at {@code entry}, or NaN when none is configured. */
    public double stopPrice(Side side, double entry) {
        if (stopLoss.isEmpty() || !Double.isFinite(entry)) {
            return Double.NaN;
        }
        double f = stopLoss.getAsDouble();
        return side == Side.BUY ? entry * (1 - f) : entry * (1 + f);
    }
}
