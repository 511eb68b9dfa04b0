package sextant.engine.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import sextant.core.port.TradingClock;

/** A {@link Clock} that reads a {@link TradingClock}: the cycle and the ledger stamp what they do with the loop's time. */
public final class TradingClockView extends Clock {
    private final TradingClock clock;

    public TradingClockView(TradingClock clock) {
        this.clock = clock;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // the engine reads instants only
    }

    @Override
    public Instant instant() {
        return clock.now();
    }
}
