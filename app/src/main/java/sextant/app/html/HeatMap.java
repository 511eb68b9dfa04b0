package sextant.app.html;

import java.util.List;

/**
 * A grid of coloured cells with their values printed in them: red below zero, green above, one colour scale per
 * map (symmetric around zero, so equal colours mean equal magnitudes). Empty cells (NaN) stay grey.
 * {@code values[row][column]} are fractions, printed as percent.
 */
record HeatMap(String title, String xTitle, String yTitle, String valueTitle, List<String> columns, List<String> rows,
               double[][] values) {

    int points() {
        int n = 0;
        for (double[] r : values) {
            for (double v : r) {
                n += Double.isFinite(v) ? 1 : 0;
            }
        }
        return n;
    }

    String svg() {
        double left = 110;
        double top = 66;
        int cellW = Math.max(64, Math.min(110, 900 / Math.max(1, columns.size())));
        int cellH = 34;
        int width = (int) Math.max(480, left + cellW * columns.size() + 30);
        int height = (int) (top + cellH * rows.size() + 56);
        double limit = 0;
        for (double[] r : values) {
            for (double v : r) {
                if (Double.isFinite(v)) {
                    limit = Math.max(limit, Math.abs(v));
                }
            }
        }
        Svg svg = new Svg().open(width, height, title, points());
        svg.text(20, 22, "title", "start", title);
        // Legend: the colour scale from -limit to +limit.
        double lx = left;
        int steps = 9;
        for (int i = 0; i < steps; i++) {
            double v = -limit + 2 * limit * i / (steps - 1);
            svg.rect(lx + i * 16, 33, 16, 10, "legend-mark", "fill:" + Palette.diverging(v, limit), null);
        }
        svg.text(lx + steps * 16 + 8, 42, "legend", "start", valueTitle + ": " + Html.pct(-limit, 1) + " … "
                + Html.pct(limit, 1));
        for (int c = 0; c < columns.size(); c++) {
            svg.text(left + c * cellW + cellW / 2.0, top - 6, "tick", "middle", columns.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            double y = top + r * cellH;
            svg.text(left - 8, y + cellH / 2.0 + 4, "tick cat", "end", rows.get(r));
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                double x = left + c * cellW;
                String tip = rows.get(r) + " / " + columns.get(c) + ": " + (Double.isFinite(v) ? Html.pct(v, 2) : "no data");
                svg.rect(x + 1, y + 1, cellW - 2, cellH - 2, Double.isFinite(v) ? "mark cell" : "cell empty",
                        "fill:" + Palette.diverging(v, limit), tip);
                if (Double.isFinite(v)) {
                    svg.raw("<text x=\"" + Svg.f(x + cellW / 2.0) + "\" y=\"" + Svg.f(y + cellH / 2.0 + 4.5)
                            + "\" class=\"cell-value\" text-anchor=\"middle\" style=\"fill:" + Palette.textOn(v, limit)
                            + "\">" + Html.escape(Html.pct(v, 1)) + "</text>");
                }
            }
        }
        double gridBottom = top + cellH * rows.size();
        svg.text(left + cellW * columns.size() / 2.0, gridBottom + 36, "axis-title", "middle", xTitle);
        svg.rotatedText(16, top + cellH * rows.size() / 2.0, "axis-title", yTitle);
        return svg.close().toString();
    }
}
