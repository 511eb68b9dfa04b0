package sextant.app.html;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An HTML table whose columns sort on a click (the page's script). Each cell carries the value it sorts by, so that
 * "+1.2%" sorts as a number and an empty cell sorts last.
 */
final class Table {
    /** A cell: what is shown, and the number it sorts by (NaN: sort by the text). */
    record Cell(String text, double sortKey, @Nullable String cls) {
        static Cell text(@Nullable Object v) {
            return new Cell(v == null ? "" : v.toString(), Double.NaN, null);
        }

        static Cell num(double v) {
            return new Cell(Html.num(v), v, "num");
        }

        static Cell pct(double v, int decimals) {
            String cls = !Double.isFinite(v) || v == 0 ? "num" : v > 0 ? "num pos" : "num neg";
            return new Cell(Html.pct(v, decimals), v, cls);
        }
    }

    private final String id;
    private final List<String> headers;
    private final List<List<Cell>> rows = new ArrayList<>();

    Table(String id, List<String> headers) {
        this.id = id;
        this.headers = headers;
    }

    Table row(List<Cell> cells) {
        rows.add(cells);
        return this;
    }

    int size() {
        return rows.size();
    }

    String html() {
        if (rows.isEmpty()) {
            return "<p class=\"none\">none</p>";
        }
        StringBuilder b = new StringBuilder("<div class=\"table-wrap\"><table class=\"sortable\" id=\"")
                .append(Html.escape(id)).append("\"><thead><tr>");
        for (String h : headers) {
            b.append("<th title=\"click to sort\">").append(Html.escape(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (List<Cell> r : rows) {
            b.append("<tr>");
            for (Cell c : r) {
                b.append("<td");
                if (c.cls() != null) {
                    b.append(" class=\"").append(c.cls()).append('"');
                }
                if (Double.isFinite(c.sortKey())) {
                    b.append(" data-sort=\"").append(c.sortKey()).append('"');
                }
                b.append('>').append(Html.escape(c.text())).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table></div>").toString();
    }
}
