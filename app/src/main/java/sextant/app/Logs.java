package sextant.app;

import java.nio.file.Path;

/**
 * Points the log file at {@code <state-dir>/logs/sextant.log}. Must run before anything logs: the first logger
 * (SQLite's driver asks for one when the database opens) fixes the file for the life of the process.
 */
final class Logs {
    private Logs() {
    }

    static void useStateDir(Path stateDir) {
        System.setProperty("sextant.log.dir", stateDir.resolve("logs").toString());
    }
}
