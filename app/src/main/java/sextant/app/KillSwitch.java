package sextant.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import sextant.core.gate.EntryStatus;
import sextant.core.port.EntryGate;

/**
 * The operator's kill switch: while the file {@code <state-dir>/KILL} exists, no new entry is placed; exits keep
 * working. A plain {@code touch KILL} is enough; {@code sextant kill-switch on --reason ...} writes the time and the
 * reason into it. A KILL path that exists but is not a readable file, or whose existence cannot be determined, also
 * stops entries: when in doubt, do not open positions.
 */
final class KillSwitch implements EntryGate {
    static final String FILE_NAME = "KILL";
    private static final int MAX_REASON_CHARS = 500;

    private final Path file;

    KillSwitch(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    @Override
    public EntryStatus entries() {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            return EntryStatus.ALLOWED;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return EntryStatus.stopped("kill switch " + file + " cannot be checked (permissions?); entries stop until it can");
        }
        if (!Files.isRegularFile(file)) {
            return EntryStatus.stopped("kill switch " + file + " exists but is not a file; entries stop until it is removed");
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String text = String.join(" ", lines).strip();
            return EntryStatus.stopped("kill switch on (" + file + ")" + (text.isEmpty() ? "" : ": " + clip(text)));
        } catch (IOException | RuntimeException e) {
            return EntryStatus.stopped("kill switch " + file + " exists but cannot be read (" + Errors.describe(e) + ")");
        }
    }

    /** Turns the switch on: writes the file atomically (a reader never sees half of it); again, it rewrites time and reason. */
    void turnOn(String reason, Instant at) throws IOException {
        String line = "on since " + at + (reason == null || reason.isBlank() ? "" : " reason: " + clip(reason.strip()));
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.writeString(tmp, line + System.lineSeparator(), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Turns the switch off; true if it was on. Refuses (with the reason) a KILL path that is not a plain file. */
    boolean turnOff() throws IOException {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is a directory, not a kill-switch file; remove it by hand if it is meant to go");
        }
        return Files.deleteIfExists(file);
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= MAX_REASON_CHARS ? one : one.substring(0, MAX_REASON_CHARS) + "...";
    }
}
