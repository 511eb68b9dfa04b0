package sextant.app;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to kill a run, from an uninterrupted run of the same command: its wall time, and where its orders and ledger
 * phases lay (the phase table's {@code jvm start} is the offset of the first phase; the orders and ledger phases are the
 * last two of {@code total}).
 */
record KillWindow(Duration whole, Duration ordersFrom, Duration ordersTo) {
    private static final Pattern PHASE = Pattern.compile("(?m)^(orders|ledger|total|jvm start)\\s+([0-9.]+)");
    /** Slack around the measured phases: the killed run is not timed exactly like the measured one. */
    private static final Duration SLACK = Duration.ofMillis(50);

    static KillWindow of(KillableCli.Attempt run) {
        double orders = 0;
        double ledger = 0;
        double total = 0;
        double jvm = 0;
        Matcher m = PHASE.matcher(run.out());
        while (m.find()) {
            double ms = Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "orders" -> orders = ms;
                case "ledger" -> ledger = ms;
                case "total" -> total = ms;
                default -> jvm = ms;
            }
        }
        long end = Math.round(jvm + total);
        long from = Math.round(jvm + total - orders - ledger);
        return new KillWindow(run.ran(), Duration.ofMillis(from).minus(SLACK), Duration.ofMillis(end).plus(SLACK));
    }

    /** Half the kills anywhere in the run, half where orders are being sent and booked. */
    Duration draw(Random rnd) {
        if (rnd.nextBoolean()) {
            return Duration.ofMillis(1 + (long) (rnd.nextDouble() * whole.toMillis()));
        }
        long span = Math.max(1, ordersTo.minus(ordersFrom).toMillis());
        return Duration.ofMillis(Math.max(1, ordersFrom.toMillis() + (long) (rnd.nextDouble() * span)));
    }
}
