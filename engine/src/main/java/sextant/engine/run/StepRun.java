package sextant.engine.run;

import java.time.Instant;
import java.time.LocalDate;

/** One step the loop carried out: for whom, for which session, when, and what came of it, in words. */
public record StepRun(String group, LocalDate session, Step step, Instant at, boolean ok, String summary) {
    @Override
    public String toString() {
        return at + " " + group + " " + session + " " + step.key() + (ok ? ": " : ": FAILED: ") + summary;
    }
}
