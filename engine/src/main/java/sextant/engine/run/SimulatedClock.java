package sextant.engine.run;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import sextant.core.port.TradingClock;

/** A clock that jumps: asked to sleep until an instant, it is there at once. Drives the run loop over history. */
public final class SimulatedClock implements TradingClock {
    private volatile Instant now;
    private final Consumer<Instant> onJump;

    public SimulatedClock(Instant start) {
        this(start, t -> { });
    }

    /**
     * @param onJump told each new instant before the clock shows it, so a run killed in the step that follows can be
     *               resumed at that step (the caller persists it)
     */
    public SimulatedClock(Instant start, Consumer<Instant> onJump) {
        this.now = Objects.requireNonNull(start, "start");
        this.onJump = Objects.requireNonNull(onJump, "onJump");
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void sleepUntil(Instant t) {
        if (t.isAfter(now)) {
            onJump.accept(t);
            now = t;
        }
    }

    @Override
    public String describe() {
        return "simulated (now " + now + ")";
    }
}
