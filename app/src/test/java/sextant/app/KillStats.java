package sextant.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What the kills of a crash test hit, printed with its result so that a run shows it exercised the moments it claims. */
final class KillStats {
    private int kills;
    private int exitedFirst;
    private int ledgerBehind;
    private long latestKillMs;

    void attempt(KillableCli.Attempt r, Duration at) {
        if (r.killed()) {
            kills++;
            latestKillMs = Math.max(latestKillMs, at.toMillis());
        } else {
            exitedFirst++;
        }
    }

    /** Counts a kill that left the broker with an order the ledger did not have yet (the restart must book it). */
    void ahead(CrashInvariants right) {
        if (!right.notInTheLedger().isEmpty()) {
            ledgerBehind++;
        }
    }

    /** Cycles a kill cut off (a restart marks them interrupted). */
    long interruptedCycles(Path state) {
        return Files.exists(state.resolve("sextant.db"))
                ? new StateDb(state).count("SELECT COUNT(*) FROM cycles WHERE status='interrupted'") : 0;
    }

    @Override
    public String toString() {
        return kills + " SIGKILLs (latest at " + latestKillMs + " ms), " + exitedFirst + " runs that finished before"
                + " their kill, " + ledgerBehind + " kills that left the broker ahead of the ledger";
    }
}
