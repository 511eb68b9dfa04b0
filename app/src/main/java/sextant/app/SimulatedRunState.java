package sextant.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Where a simulated {@code sextant run} has got to, in {@code <state-dir>/simulated-run}: its span and the instant of
 * the step it is on. The instant is written before the step runs, so a run killed in a step resumes at that step: the
 * step journal says whether it finished, and the paper account, which has settled no point after it, accepts the
 * clock there. A directory holding another span is refused: its paper account is at another point in history.
 */
final class SimulatedRunState {
    static final String FILE_NAME = "simulated-run";

    private final Path file;
    private final LocalDate from;
    private final LocalDate to;

    private SimulatedRunState(Path file, LocalDate from, LocalDate to) {
        this.file = file;
        this.from = from;
        this.to = to;
    }

    static SimulatedRunState in(Path stateDir, LocalDate from, LocalDate to) {
        return new SimulatedRunState(stateDir.resolve(FILE_NAME), from, to);
    }

    /** The instant to start at: the span's first instant, or where the same span's earlier run stopped. */
    Instant start() {
        Instant first = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!Files.exists(file)) {
            return first;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String expected = span();
        if (lines.size() != 2 || !lines.get(0).equals(expected)) {
            throw new ConfigException(file + " holds a simulated run '" + (lines.isEmpty() ? "" : lines.get(0))
                    + "', not " + expected + ": resume it with its own --from and --to, or start this one in a fresh"
                    + " --state-dir");
        }
        try {
            Instant saved = Instant.parse(lines.get(1));
            return saved.isAfter(first) ? saved : first;
        } catch (DateTimeParseException e) {
            throw new ConfigException(file + ", line 2: '" + lines.get(1) + "' is not an instant; the file was damaged."
                    + " Start the simulated run in a fresh --state-dir");
        }
    }

    /** Records the instant the run has reached (atomically: a crash leaves the old or the new one). */
    void save(Instant now) {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.writeString(tmp, span() + "\n" + now + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private String span() {
        return "from " + from + " to " + to;
    }
}
