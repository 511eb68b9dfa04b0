package sextant.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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
        return open(stateDir.resolve("sextant.db"));
    }

    public static Database open(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
            }
            Database db = new Database(file, c);
            Migrations.apply(c);
            return db;
        } catch (SQLException e) {
            throw new StateDirectoryException("cannot open state database " + file + " (" + e.getMessage()
                    + "); check the path is writable and not used by another program", e);
        }
    }

    public Path file() {
        return file;
    }

    /** The connection; callers synchronise on this Database while they use it. */
    public Connection connection() {
        return connection;
    }

    /** Runs {@code work} in one transaction, rolling back on failure. */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        try {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("database " + file + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
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
