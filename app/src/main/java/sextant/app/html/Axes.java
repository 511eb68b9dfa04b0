package sextant.app.html;

import java.util.List;

/**
 * The frame every x/y chart shares: title, grid, tick labels, axis titles with units, and a legend row under the
 * title. Chart classes compute scales and draw their marks inside {@link #left}..{@link #right}, {@link #top}..{@link #bottom}.
 */
final class Axes {
    static final int WIDTH = 760;
    static final int HEIGHT = 320;

    final double left = 72;
    final double right;
    final double top = 58;
    final double bottom;

    /** A legend entry: its name, colour and how it is drawn (line, dashed line, band, dot). */
    record Entry(String name, String colour, Kind kind) {
    }

    enum Kind { LINE, DASHED, BAND, DOT }

    Axes(int width, int height) {
        this.right = width - 20;
        this.bottom = height - 48;
    }

    /** Draws title, grid, ticks and axis titles; {@code xDates} formats x ticks as dates (x in epoch days). */
    void draw(Svg svg, String title, String xTitle, String yTitle, Scale x, Scale y, boolean xDates,
              List<Entry> legend, boolean percentX, boolean percentY) {
        svg.text(left, 22, "title", "start", title);
        for (double t : y.ticks()) {
            double py = y.at(t);
            svg.line(left, py, right, py, t == 0 ? "zero" : "grid", null);
            svg.text(left - 8, py + 4, "tick", "end", percentY ? Html.tick(t * 100, y.step() * 100) : Html.tick(t, y.step()));
        }
        for (double t : x.ticks()) {
            double px = x.at(t);
            svg.line(px, bottom, px, bottom + 5, "axis", null);
            // A label at either edge would be cut off if centred on its tick.
            String anchor = px > right - 36 ? "end" : px < left + 36 ? "start" : "middle";
            svg.text(px, bottom + 18, "tick", anchor, xDates ? Html.day((int) Math.round(t))
                    : percentX ? Html.tick(t * 100, x.step() * 100) : Html.tick(t, x.step()));
        }
        svg.line(left, bottom, right, bottom, "axis", null);
        svg.line(left, top, left, bottom, "axis", null);
        svg.text((left + right) / 2, bottom + 38, "axis-title", "middle", xTitle);
        svg.rotatedText(18, (top + bottom) / 2, "axis-title", yTitle);
        double lx = left;
        for (Entry e : legend) {
            double ly = 40;
            switch (e.kind()) {
                case LINE -> svg.line(lx, ly, lx + 18, ly, "legend-mark", "stroke:" + e.colour() + ";stroke-width:2.5");
                case DASHED -> svg.line(lx, ly, lx + 18, ly, "legend-mark",
                        "stroke:" + e.colour() + ";stroke-width:2;stroke-dasharray:4 3");
                case BAND -> svg.rect(lx, ly - 5, 18, 10, "legend-mark", "fill:" + e.colour() + ";opacity:0.25", null);
                case DOT -> svg.circle(lx + 9, ly, 4, "legend-mark", "fill:" + e.colour(), null);
            }
            svg.text(lx + 24, ly + 4, "legend", "start", e.name());
            lx += 24 + Math.max(40, e.name().length() * 6.6) + 18;
        }
    }
}
