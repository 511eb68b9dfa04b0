package sextant.app.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Points in groups (one colour each) with the y = x diagonal: what was claimed against what happened. */
record ScatterChart(String title, String xTitle, String yTitle, List<Point> points) {
    /** Square enough that the diagonal reads as 45 degrees. */
    private static final int WIDTH = 640;
    private static final int HEIGHT = 560;
    /** One point: its group (legend entry), coordinates and tooltip. */
    record Point(String group, double x, double y, String tip) {
    }

    /** Points without both coordinates cannot be placed: they are left out. */
    ScatterChart {
        points = points.stream().filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())).toList();
    }

    String svg() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            lo = Math.min(lo, Math.min(p.x(), p.y()));
            hi = Math.max(hi, Math.max(p.x(), p.y()));
        }
        Map<String, String> colours = new LinkedHashMap<>();
        for (Point p : points) {
            colours.computeIfAbsent(p.group(), g -> Palette.series(colours.size()));
        }
        List<Axes.Entry> legend = new ArrayList<>();
        colours.forEach((g, c) -> legend.add(new Axes.Entry(g, c, Axes.Kind.DOT)));
        legend.add(new Axes.Entry("realised = claimed", Palette.MUTED, Axes.Kind.DASHED));
        Axes axes = new Axes(WIDTH, HEIGHT, legend);
        Scale x = Scale.nice(lo, hi, axes.left, axes.right, 6);
        Scale y = Scale.nice(lo, hi, axes.bottom, axes.top, 6);
        Svg svg = new Svg().open(WIDTH, HEIGHT, title, points.size());
        axes.draw(svg, title, xTitle, yTitle, x, y, false, true, true);
        double d0 = Math.max(x.d0(), y.d0());
        double d1 = Math.min(x.d1(), y.d1());
        svg.line(x.at(d0), y.at(d0), x.at(d1), y.at(d1), "diagonal",
                "stroke:" + Palette.MUTED + ";stroke-width:1.5;stroke-dasharray:5 4");
        for (Point p : points) {
            svg.circle(x.at(p.x()), y.at(p.y()), 4.5, "mark dot", "fill:" + colours.get(p.group())
                    + ";fill-opacity:0.75;stroke:#fff;stroke-width:1", p.tip());
        }
        return svg.close().toString();
    }
}
