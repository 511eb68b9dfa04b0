package sextant.engine.run;

import java.time.Instant;
import java.util.Objects;
import sextant.core.port.TradingClock;

/** A clock that jumps: asked to sleep until an instant, it is there at once. Drives the run loop over history. */
public final class SimulatedClock implements TradingClock {
    private volatile Instant now;

    public SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void sleepUntil(Instant t) {
        if (t.isAfter(now)) {
            now = t;
        }
    }

    @Override
    public String describe() {
        return "simulated (now " + now + ")";
    }
}
