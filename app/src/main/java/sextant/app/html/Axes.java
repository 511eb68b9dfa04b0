package sextant.app.html;

import java.util.List;

/**
 * The frame every x/y chart shares: title, grid, tick labels, axis titles with units, and a legend row under the
 * title. Chart classes compute scales and draw their marks inside {@link #left}..{@link #right}, {@link #top}..{@link #bottom}.
 */
final class Axes {
    static final int WIDTH = 760;
    static final int HEIGHT = 320;

    final double left = 86;
    final double right;
    final double top;
    final double bottom;
    private final List<Entry> legend;

    /** A legend entry: its name, colour and how it is drawn (line, dashed line, band, dot). */
    record Entry(String name, String colour, Kind kind) {
    }

    enum Kind { LINE, DASHED, BAND, DOT }

    /** The legend is laid out first: it wraps onto as many rows as it needs, and the plot starts below them. */
    Axes(int width, int height, List<Entry> legend) {
        this.right = width - 20;
        this.bottom = height - 48;
        this.legend = legend;
        this.top = 50 + 18 * (legendRows() - 1);
    }

    private static double itemWidth(Entry e) {
        return 24 + Math.max(28, e.name().length() * 6.6) + 16;
    }

    private int legendRows() {
        int rows = 1;
        double lx = left;
        for (Entry e : legend) {
            if (lx + itemWidth(e) > right && lx > left) {
                rows++;
                lx = left;
            }
            lx += itemWidth(e);
        }
        return rows;
    }

    /** Draws title, grid, ticks and axis titles; {@code xDates} formats x ticks as dates (x in epoch days). */
    void draw(Svg svg, String title, String xTitle, String yTitle, Scale x, Scale y, boolean xDates,
              boolean percentX, boolean percentY) {
        svg.text(left, 22, "title", "start", title);
        for (double t : y.ticks()) {
            double py = y.at(t);
            svg.line(left, py, right, py, t == 0 ? "zero" : "grid", null);
            svg.text(left - 8, py + 4, "tick", "end", percentY ? Html.tick(t * 100, y.step() * 100) : Html.tick(t, y.step()));
        }
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (double t : x.ticks()) {
            double px = x.at(t);
            svg.line(px, bottom, px, bottom + 5, "axis", null);
            // A label centred on a tick at either edge would be cut off, so it is aligned to the edge instead; at the
            // right edge a date label that would then run into its neighbour is left out.
            boolean atRight = px > right - 36;
            if (xDates && atRight && px - lastLabel < 130) {
                continue;
            }
            lastLabel = px;
            String anchor = px < left + 36 ? "start" : atRight ? "end" : "middle";
            svg.text(px, bottom + 18, "tick", anchor, xDates ? Html.day((int) Math.round(t))
                    : percentX ? Html.tick(t * 100, x.step() * 100) : Html.tick(t, x.step()));
        }
        svg.line(left, bottom, right, bottom, "axis", null);
        svg.line(left, top, left, bottom, "axis", null);
        if (!xDates && x.d0() < 0 && x.d1() > 0) {
            svg.line(x.at(0), top, x.at(0), bottom, "zero", null);
        }
        svg.text((left + right) / 2, bottom + 38, "axis-title", "middle", xTitle);
        svg.rotatedText(16, (top + bottom) / 2, "axis-title", yTitle);
        double lx = left;
        double ly = 40;
        for (Entry e : legend) {
            if (lx + itemWidth(e) > right && lx > left) {
                lx = left;
                ly += 18;
            }
            switch (e.kind()) {
                case LINE -> svg.line(lx, ly, lx + 18, ly, "legend-mark", "stroke:" + e.colour() + ";stroke-width:2.5");
                case DASHED -> svg.line(lx, ly, lx + 18, ly, "legend-mark",
                        "stroke:" + e.colour() + ";stroke-width:2;stroke-dasharray:4 3");
                case BAND -> svg.rect(lx, ly - 5, 18, 10, "legend-mark", "fill:" + e.colour() + ";opacity:0.25", null);
                case DOT -> svg.circle(lx + 9, ly, 4, "legend-mark", "fill:" + e.colour(), null);
            }
            svg.text(lx + 24, ly + 4, "legend", "start", e.name());
            lx += itemWidth(e);
        }
    }
}
