package sextant.engine.run;

import java.time.LocalDate;

/**
 * Which one-off steps (cycle, end-of-day exits, after-close) already ran for a group's session, so that a restarted
 * loop or the next {@code run --once} does not repeat them. Steps are idempotent anyway (client order ids and the
 * ledger); the journal only saves the work. A step is marked once it has finished, so one cut off runs again.
 */
public interface StepJournal {
    boolean done(String group, LocalDate session, Step step);

    void markDone(String group, LocalDate session, Step step);
}
