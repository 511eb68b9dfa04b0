package sextant.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @RepeatedTest(10)
    void neverMoreThanTheLimitInAnySixtySeconds(RepetitionInfo info) throws Exception {
        Random rnd = new Random(info.getCurrentRepetition());
        int limit = 5 + rnd.nextInt(200);
        FakeTime t = new FakeTime(Instant.parse("2025-01-02T15:00:00Z"));
        RateLimiter rl = new RateLimiter(limit, t, t);
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < limit * 3 + 7; i++) {
            t.advance(Duration.ofMillis(rnd.nextInt(300)));
            rl.acquire();
            sent.add(t.instant());
        }
        int lo = 0;
        int max = 0;
        for (int hi = 0; hi < sent.size(); hi++) {
            while (!sent.get(lo).plusSeconds(60).isAfter(sent.get(hi))) {
                lo++;
            }
            max = Math.max(max, hi - lo + 1);
        }
        assertThat(max).isEqualTo(limit);
    }

    @Test
    void serverPauseHoldsRequestsUntilTheReset() throws Exception {
        FakeTime t = new FakeTime(Instant.parse("2025-01-02T15:00:00Z"));
        RateLimiter rl = new RateLimiter(200, t, t);
        rl.acquire();
        Instant reset = t.instant().plusSeconds(17);
        rl.pauseUntil(reset);
        rl.acquire();
        assertThat(t.instant()).isAfterOrEqualTo(reset);
        assertThat(t.totalSlept()).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void jitteredBackOffGrowsAndIsBounded() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10));
        Random rnd = new Random(7);
        for (int attempt = 1; attempt <= 10; attempt++) {
            Duration d = p.delayAfter(attempt, rnd);
            double nominal = Math.min(100 * Math.pow(2, attempt - 1), 1000);
            assertThat(d.toMillis()).isBetween((long) (nominal * 0.5) - 1, (long) nominal);
        }
    }
}
