package sextant.app.html;

import java.util.Map;

/** Reads typed values out of the ledger's column maps (SQLite hands back Integer, Long, Double, String or null). */
final class Rows {
    private Rows() {
    }

    static double num(Map<String, Object> row, String col) {
        Object v = row.get(col);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static String str(Map<String, Object> row, String col) {
        Object v = row.get(col);
        return v == null ? "" : v.toString();
    }
}
