package sextant.engine.run;

import java.time.Duration;
import java.time.Instant;
import sextant.core.port.TradingClock;

/** The real clock: sleeps until the instant, waking at least once a minute so that a changed system time is seen. */
public final class SystemTradingClock implements TradingClock {
    private static final Duration MAX_NAP = Duration.ofMinutes(1);

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleepUntil(Instant t) throws InterruptedException {
        for (Instant now = Instant.now(); now.isBefore(t); now = Instant.now()) {
            Duration left = Duration.between(now, t);
            Thread.sleep(Math.max(1, Math.min(left.toMillis(), MAX_NAP.toMillis())));
        }
    }

    @Override
    public boolean realTime() {
        return true;
    }

    @Override
    public String describe() {
        return "system";
    }
}
