package sextant.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import sextant.engine.run.Step;
import sextant.engine.run.StepJournal;

/**
 * The run loop's journal in {@code <state-dir>/run-steps}: one line {@code group session step} per finished one-off
 * step, appended and flushed when the step has finished, so a restarted {@code sextant run} or the next
 * {@code run --once} knows what already ran. A line cut off by a crash is ignored (that step then runs again, which
 * the client order ids make harmless).
 */
final class FileStepJournal implements StepJournal {
    private final Path file;
    private final Set<String> done = new HashSet<>();

    FileStepJournal(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.split(" ").length == 3) {
                        done.add(line.trim());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the run journal " + file, e);
            }
        }
    }

    @Override
    public boolean done(String group, LocalDate session, Step step) {
        return done.contains(key(group, session, step));
    }

    @Override
    public void markDone(String group, LocalDate session, Step step) {
        String key = key(group, session, step);
        if (!done.add(key)) {
            return;
        }
        try {
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run journal " + file, e);
        }
    }

    private static String key(String group, LocalDate session, Step step) {
        return group + " " + session + " " + step.key();
    }
}
