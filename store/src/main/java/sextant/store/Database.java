package sextant.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * The SQLite file that holds Sextant's state (bar cache, forecast store, ledger, paper account).
 * WAL mode lets a report read while a cycle writes; versioned migrations run on open.
 *
 * <p>One connection, used under this object's lock: SQLite serialises writers anyway, and the cycle writes
 * in a few large transactions.
 */
public final class Database implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) {@code dir/sextant.db}. */
    public static Database openIn(Path stateDir) {
        ensureStateDir(stateDir);
        return open(stateDir.resolve("sextant.db"));
    }

    /** Creates the state directory if needed, or fails with a message that names it and says what to do. */
    public static void ensureStateDir(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new StateDirectoryException("state directory " + stateDir + " cannot be created (" + e.getMessage()
                    + "); choose a writable directory with --state-dir or state.dir", e);
        }
        if (!Files.isWritable(stateDir)) {
            throw new StateDirectoryException("state directory " + stateDir + " is not writable; fix its permissions or "
                    + "choose another with --state-dir or state.dir", null);
        }
    }

    /**
     * Opens {@code file}. A missing file is created, fully migrated, under a temporary name and then moved into
     * place, so {@code sextant.db} only ever exists as a complete Sextant database. A file that is there must be one:
     * an empty, foreign or corrupt file is refused with a message that says what was found, never re-created.
     */
    public static Database open(Path file) {
        if (!Files.exists(file)) {
            createFresh(file);
        }
        String found = StateFiles.describeIfNotSextant(file);
        if (found != null) {
            throw new StateDirectoryException("state database " + file + " " + found + ". " + StateFiles.START_FRESH, null);
        }
        @Nullable Connection c = null;
        try {
            c = connect(file);
            Migrations.apply(c);
            return new Database(file, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StateDirectoryException("cannot open state database " + file + " (" + e.getMessage() + "); "
                    + StateFiles.hint(e), e);
        }
    }

    private static void createFresh(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".creating");
        try {
            Files.deleteIfExists(tmp);
            Connection c = connect(tmp);
            try {
                Migrations.create(c);
            } finally {
                c.close();
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            throw new StateDirectoryException("cannot create state database " + file + " (" + e.getMessage()
                    + "); check the directory is writable and the disk is not full", e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=10000");
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    private static void closeQuietly(@Nullable Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already failing with the cause that matters.
            }
        }
    }

    public Path file() {
        return file;
    }

    /** The connection; callers synchronise on this Database while they use it. */
    public Connection connection() {
        return connection;
    }

    /**
     * Runs {@code work} in one transaction, rolling back on failure. The failure that happened is the one reported:
     * a rollback or auto-commit reset that fails afterwards (SQLite has often rolled back already, e.g. on a full
     * disk) is attached as suppressed, never put in its place.
     */
    @SuppressWarnings("NullAway") // transact hands back what the work returned, and a SqlWork's result is non-null
    public <T> T inTransaction(SqlWork<T> work) {
        return transact(work::run);
    }

    /** {@link #inTransaction} for work whose answer may be null (e.g. a row that is not there). */
    public <T> @Nullable T lookUp(SqlLookup<T> work) {
        return transact(work);
    }

    /** {@link #inTransaction} for work that returns nothing. */
    public void runInTransaction(SqlStep step) {
        transact(c -> {
            step.run(c);
            return null;
        });
    }

    private synchronized <T> @Nullable T transact(SqlLookup<T> work) {
        boolean auto;
        try {
            auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure(e);
        }
        @Nullable T result;
        try {
            result = work.run(connection);
            connection.commit();
        } catch (SQLException e) {
            rollbackAfter(e);
            restoreAutoCommit(auto, e);
            throw failure(e);
        } catch (RuntimeException e) {
            rollbackAfter(e);
            restoreAutoCommit(auto, e);
            throw e;
        } catch (Error e) {
            restoreAutoCommit(auto, e);
            throw e;
        }
        try {
            connection.setAutoCommit(auto);
        } catch (SQLException e) {
            throw failure(e);
        }
        return result;
    }

    /** After a failure, the auto-commit reset's own failure is attached to it, never put in its place. */
    private void restoreAutoCommit(boolean auto, Throwable cause) {
        try {
            connection.setAutoCommit(auto);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void rollbackAfter(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private StoreException failure(SQLException e) {
        return new StoreException("database " + file + ": " + e.getMessage() + StateFiles.consequence(e), e);
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    public interface SqlLookup<T> {
        @Nullable T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    public interface SqlStep {
        void run(Connection c) throws SQLException;
    }

    public int schemaVersion() {
        return inTransaction(Migrations::currentVersion);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing " + file + ": " + e.getMessage(), e);
        }
    }
}
