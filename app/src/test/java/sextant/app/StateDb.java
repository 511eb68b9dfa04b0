package sextant.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a state directory's {@code sextant.db} with plain SQL, as an operator's sqlite3 would: ledger and paper broker. */
final class StateDb {
    private final Path file;

    StateDb(Path stateDir) {
        this.file = stateDir.resolve("sextant.db");
    }

    /** Every row of the query, each column as text ("" for NULL). */
    List<List<String>> rows(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String v = rs.getString(i);
                    row.add(v == null ? "" : v);
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row. */
    List<String> column(String sql) {
        return rows(sql).stream().map(r -> r.get(0)).toList();
    }

    long count(String sql) {
        return Long.parseLong(column(sql).get(0));
    }
}
