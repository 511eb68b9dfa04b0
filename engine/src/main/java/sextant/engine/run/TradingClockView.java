package sextant.engine.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import sextant.core.port.TradingClock;

/**
 * A {@link Clock} that reads a {@link TradingClock} (or any source of the current instant, such as the replay's session
 * date): the cycle and the ledger stamp what they do with the loop's time.
 */
public final class TradingClockView extends Clock {
    private final Supplier<Instant> now;

    public TradingClockView(TradingClock clock) {
        this(clock::now);
    }

    public TradingClockView(Supplier<Instant> now) {
        this.now = now;
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
        return now.get();
    }
}
