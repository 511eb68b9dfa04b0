package sextant.engine.run;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** A journal kept in memory only: a simulated run over history, and tests. */
public final class MemoryStepJournal implements StepJournal {
    private final Set<String> done = new HashSet<>();

    @Override
    public boolean done(String group, LocalDate session, Step step) {
        return done.contains(key(group, session, step));
    }

    @Override
    public void markDone(String group, LocalDate session, Step step) {
        done.add(key(group, session, step));
    }

    static String key(String group, LocalDate session, Step step) {
        return group + " " + session + " " + step.key();
    }
}
