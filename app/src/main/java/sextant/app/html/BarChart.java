package sextant.app.html;

import java.util.List;

/** Horizontal bars, one per category, labelled with their values (phase timings). */
record BarChart(String title, String valueTitle, String unit, List<Bar> bars) {
    /** One bar: its label, value and an optional note shown in the tooltip. */
    record Bar(String label, double value, String note) {
    }

    String svg() {
        int rowH = 26;
        int height = 58 + 48 + rowH * Math.max(1, bars.size());
        int width = Axes.WIDTH;
        double left = 130;
        double right = width - 80;
        double top = 58;
        double bottom = height - 48;
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, b.value());
        }
        Scale x = Scale.nice(0, max, left, right, 5);
        Svg svg = new Svg().open(width, height, title, bars.size());
        svg.text(20, 22, "title", "start", title);
        svg.rect(left, 35, 18, 10, "legend-mark", "fill:" + Palette.series(0), null);
        svg.text(left + 24, 44, "legend", "start", valueTitle + " (" + unit + ")");
        for (double t : x.ticks()) {
            double px = x.at(t);
            svg.line(px, top, px, bottom, t == 0 ? "axis" : "grid", null);
            svg.text(px, bottom + 18, "tick", "middle", Html.tick(t, x.step()));
        }
        svg.line(left, bottom, right, bottom, "axis", null);
        svg.text((left + right) / 2, bottom + 38, "axis-title", "middle", valueTitle + " (" + unit + ")");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + i * rowH + 4;
            svg.text(left - 8, y + rowH / 2.0 + 1, "tick cat", "end", b.label());
            String tip = b.label() + ": " + Html.num(b.value()) + " " + unit + (b.note() == null || b.note().isEmpty()
                    ? "" : " (" + b.note() + ")");
            svg.rect(left, y, x.at(b.value()) - left, rowH - 8, "mark bar", "fill:" + Palette.series(0), tip);
            svg.text(x.at(b.value()) + 6, y + rowH / 2.0 + 1, "value", "start", Html.num(b.value()));
        }
        return svg.close().toString();
    }
}
