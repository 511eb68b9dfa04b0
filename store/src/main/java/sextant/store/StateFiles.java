package sextant.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a state database file is, before Sextant uses it, and what a failed SQLite call means for the user. A file
 * that is not a Sextant database is described (so the message can say what was found) and never written to.
 */
final class StateFiles {
    /** How to start fresh deliberately; every refusal of a state database ends with this. */
    static final String START_FRESH = "Nothing was changed. To start fresh deliberately, use another --state-dir, or run"
            + " 'sextant state reset --yes' (it keeps the old file as a backup)";

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** SQLite primary result codes that the messages explain. */
    static final int SQLITE_BUSY = 5;
    static final int SQLITE_LOCKED = 6;
    static final int SQLITE_CORRUPT = 11;
    static final int SQLITE_FULL = 13;
    static final int SQLITE_NOTADB = 26;

    private StateFiles() {
    }

    /** Null when {@code file} is a Sextant database; otherwise what was found, as the end of a sentence. */
    static @Nullable String describeIfNotSextant(Path file) {
        long size;
        byte[] head = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
        if (size == 0) {
            return "is empty (0 bytes): it holds no account, positions or ledger, and is not re-created over";
        }
        if (read < head.length || !java.util.Arrays.equals(head, SQLITE_HEADER)) {
            return "is not an SQLite database (" + size + " bytes that do not start with SQLite's header): it is"
                    + " corrupt or another program's file";
        }
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return "is corrupt (SQLite: " + e.getMessage() + ")";
        }
        if (!tables.contains("schema_version")) {
            if (tables.isEmpty()) {
                return "is an SQLite database with no tables: Sextant did not create it";
            }
            return "is another program's SQLite database (tables " + String.join(", ",
                    tables.subList(0, Math.min(5, tables.size()))) + (tables.size() > 5 ? ", ..." : "")
                    + "; no Sextant schema_version)";
        }
        return null;
    }

    /** The SQLite primary result code of {@code e} or of any exception it wraps; 0 when there is none. */
    static int resultCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
                return sql.getErrorCode() & 0xff;
            }
        }
        return 0;
    }

    /** What to do when a state database cannot be opened. */
    static String hint(SQLException e) {
        return switch (resultCode(e)) {
            case SQLITE_CORRUPT, SQLITE_NOTADB -> "the file is corrupt. " + START_FRESH;
            case SQLITE_FULL -> "the disk is full: free some space and run again";
            case SQLITE_BUSY, SQLITE_LOCKED -> "another program is using it; wait for it to finish";
            default -> "check the path is writable and not used by another program";
        };
    }

    /** Text appended to a failed operation's message that says what the failure means. */
    static String consequence(SQLException e) {
        return switch (resultCode(e)) {
            case SQLITE_FULL -> " (the disk is full: nothing of this step was saved; free some space and run again)";
            case SQLITE_CORRUPT, SQLITE_NOTADB -> " (the state database is corrupt. " + START_FRESH + ")";
            case SQLITE_BUSY, SQLITE_LOCKED -> " (another program is writing this database)";
            default -> "";
        };
    }
}
