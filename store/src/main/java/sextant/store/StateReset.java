package sextant.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Starts a state directory afresh, deliberately: the database (with its WAL files) is moved, never deleted, to
 * {@code <state-dir>/backups/}. The file is not opened, so an empty, foreign or corrupt one is moved as it is.
 * The caller holds the {@link StateLock}.
 */
public final class StateReset {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private StateReset() {
    }

    /** Moves {@code sextant.db} aside; returns the backup's path, or null when there was no database. */
    public static @Nullable Path backUpAndClear(Path stateDir, Instant now) {
        Path db = stateDir.resolve("sextant.db");
        if (!Files.exists(db)) {
            return null;
        }
        try {
            Path backups = Files.createDirectories(stateDir.resolve("backups"));
            String base = "sextant-" + STAMP.format(now);
            Path target = backups.resolve(base + ".db");
            for (int n = 2; Files.exists(target); n++) {
                target = backups.resolve(base + "-" + n + ".db");
            }
            // WAL files first: a database moved without its WAL would lose the newest transactions.
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = stateDir.resolve("sextant.db" + suffix);
                if (Files.exists(side)) {
                    Files.move(side, target.resolveSibling(target.getFileName() + suffix));
                }
            }
            Files.move(db, target);
            return target;
        } catch (IOException e) {
            throw new StateDirectoryException("cannot move " + db + " aside (" + e.getMessage() + "); nothing was"
                    + " deleted, check the directory is writable", e);
        }
    }
}
