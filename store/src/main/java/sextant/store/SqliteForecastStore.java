package sextant.store;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sextant.core.forecast.ForecastStore;

/** Forecast rows persisted in SQLite, each a little-endian blob of {@code ForecastBatch.STRIDE} doubles. */
public final class SqliteForecastStore implements ForecastStore {
    private final Database db;

    public SqliteForecastStore(Database db) {
        this.db = db;
    }

    /**
     * One range query per (model, symbol) rather than one lookup per key: a cycle asks for ~80 consecutive bars of
     * each symbol, and a per-key lookup made the forecast store the slowest part of a warm cycle.
     */
    @Override
    public Map<Key, double[]> load(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Key>> groups = new HashMap<>();
        for (Key k : keys) {
            groups.computeIfAbsent(k.modelKey() + "\u0000" + k.symbol(), g -> new ArrayList<>()).add(k);
        }
        return db.inTransaction(c -> {
            Map<Key, double[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT context_end_day, context_length, context_hash, row"
                    + " FROM forecasts WHERE model_key=? AND symbol=? AND context_end_day BETWEEN ? AND ?")) {
                for (List<Key> group : groups.values()) {
                    Key first = group.get(0);
                    int from = Integer.MAX_VALUE;
                    int to = Integer.MIN_VALUE;
                    Set<Key> wanted = new HashSet<>(group);
                    for (Key k : group) {
                        from = Math.min(from, k.contextEndEpochDay());
                        to = Math.max(to, k.contextEndEpochDay());
                    }
                    ps.setString(1, first.modelKey());
                    ps.setString(2, first.symbol());
                    ps.setInt(3, from);
                    ps.setInt(4, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Key k = new Key(first.modelKey(), first.symbol(), rs.getInt(1), rs.getInt(2), rs.getLong(3));
                            if (wanted.contains(k)) {
                                out.put(k, decode(rs.getBytes(4)));
                            }
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
        db.runInTransaction(c -> {
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
