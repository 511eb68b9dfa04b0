package sextant.alpaca.fake;

import java.time.Duration;
import java.util.Locale;

/**
 * A fault the fake server injects into the next {@code times} requests matching {@code method} and a path prefix.
 * "Before" faults happen instead of the request (nothing changes on the server); "after" faults happen once the
 * request was carried out (an order accepted, say), so the client loses the answer but the state did change.
 */
public record Fault(String method, String pathPrefix, Kind kind, int times, Duration delay, int resetSeconds) {

    public enum Kind {
        /** 429 with X-Ratelimit-Limit/Remaining: 0/Reset = now + resetSeconds; nothing is done. */
        RATE_LIMITED,
        /** 500 before doing anything. */
        SERVER_ERROR,
        /** Wait {@code delay}, then carry out the request and answer normally (a client with a shorter timeout gives up). */
        SLOW,
        /** Close the connection without an answer; nothing is done. */
        DROP,
        /** Carry out the request, then answer 500 (the order exists, the client is told it failed). */
        SERVER_ERROR_AFTER,
        /** Carry out the request, then wait {@code delay} before answering (client times out; the order exists). */
        SLOW_AFTER,
        /** Carry out the request, then close the connection without an answer. */
        DROP_AFTER,
        /** 500 whose body echoes the key headers it received (to prove the client redacts them). */
        ECHO_KEYS
    }

    public Fault {
        method = method.toUpperCase(Locale.ROOT);
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1");
        }
    }

    public static Fault of(String method, String pathPrefix, Kind kind, int times) {
        return new Fault(method, pathPrefix, kind, times, Duration.ZERO, 1);
    }

    boolean matches(String m, String path) {
        return method.equals(m) && path.startsWith(pathPrefix);
    }
}
