package sextant.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Points the log file at {@code <state-dir>/logs/sextant.log}. Must run before anything logs: the first logger
 * (SQLite's driver asks for one when the database opens) fixes the file for the life of the process.
 *
 * <p>When {@code logs/} cannot be created (a file of that name, no permission), the log goes to a file in the
 * temporary directory and one warning says where, instead of logback dumping its status and a stack trace onto
 * the terminal (logback.xml silences its status output).
 */
final class Logs {
    private Logs() {
    }

    /** What a command that sends no orders writes as the mode of each log line. */
    static final String NO_ORDERS = "no-orders";

    static void useStateDir(Path stateDir) {
        useStateDir(stateDir, null);
    }

    static void useStateDir(Path stateDir, @Nullable PrintWriter err) {
        useStateDir(stateDir, err, NO_ORDERS);
    }

    /**
     * As {@link #useStateDir(Path, PrintWriter)}, and every line of the log file names {@code mode} (paper, alpaca-paper,
     * live) and the state directory, so that lines copied out of a paper and a live log cannot be confused.
     */
    static void useStateDir(Path stateDir, @Nullable PrintWriter err, String mode) {
        System.setProperty("sextant.log.mode", mode);
        System.setProperty("sextant.log.state", stateDir.toAbsolutePath().normalize().toString());
        Path dir = stateDir.resolve("logs");
        System.setProperty("sextant.log.dir", dir.toString());
        System.clearProperty("sextant.log.file");
        try {
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) {
                return;
            }
        } catch (IOException e) {
            // fall through: log elsewhere
        }
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "sextant-" + ProcessHandle.current().pid() + ".log");
        System.setProperty("sextant.log.file", fallback.toString());
        // An unusable state directory gets its own one-line error when the database opens; say nothing extra then.
        if (err != null && Files.isDirectory(stateDir) && Files.isWritable(stateDir)) {
            err.println("warning: cannot write logs to " + dir + " (is it a file, or not writable?); logging to " + fallback);
            err.flush();
        }
    }
}
