package sextant.store;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import sextant.core.forecast.ForecastStore;

/** Forecast rows persisted in SQLite, each a little-endian blob of {@code ForecastBatch.STRIDE} doubles. */
public final class SqliteForecastStore implements ForecastStore {
    private final Database db;

    public SqliteForecastStore(Database db) {
        this.db = db;
    }

    @Override
    public Map<Key, double[]> load(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(c -> {
            Map<Key, double[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT row FROM forecasts WHERE model_key=? AND symbol=?"
                    + " AND context_end_day=? AND context_length=? AND context_hash=?")) {
                for (Key k : keys) {
                    ps.setString(1, k.modelKey());
                    ps.setString(2, k.symbol());
                    ps.setInt(3, k.contextEndEpochDay());
                    ps.setInt(4, k.contextLength());
                    ps.setLong(5, k.contextHash());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(k, decode(rs.getBytes(1)));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void save(Map<Key, double[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO forecasts VALUES (?,?,?,?,?,?)")) {
                for (Map.Entry<Key, double[]> e : rows.entrySet()) {
                    Key k = e.getKey();
                    ps.setString(1, k.modelKey());
                    ps.setString(2, k.symbol());
                    ps.setInt(3, k.contextEndEpochDay());
                    ps.setInt(4, k.contextLength());
                    ps.setLong(5, k.contextHash());
                    ps.setBytes(6, encode(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    static byte[] encode(double[] row) {
        ByteBuffer b = ByteBuffer.allocate(row.length * 8);
        for (double v : row) {
            b.putDouble(v);
        }
        return b.array();
    }

    static double[] decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        double[] row = new double[bytes.length / 8];
        for (int i = 0; i < row.length; i++) {
            row[i] = b.getDouble();
        }
        return row;
    }
}
