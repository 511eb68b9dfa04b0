package sextant.app.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines, shaded bands, horizontal reference levels and single markers over a shared x axis (numbers or epoch days).
 * NaN values break a line instead of being drawn as zero.
 */
final class LineChart {
    private record Series(String name, double[] x, double[] y, String colour, boolean dashed, boolean dots) {
    }

    private record Band(String name, double[] x, double[] lo, double[] hi, String colour) {
    }

    private record Level(String name, double y, String colour) {
    }

    private record Marker(String name, double x, double y, String colour) {
    }

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private boolean dates;
    private boolean percent;
    private int width = Axes.WIDTH;
    private int height = Axes.HEIGHT;
    private final List<Series> lines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    LineChart(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /** x values are epoch days. */
    LineChart dates() {
        this.dates = true;
        return this;
    }

    /** y values are fractions, labelled as percent. */
    LineChart percent() {
        this.percent = true;
        return this;
    }

    LineChart size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    LineChart line(String name, double[] x, double[] y, String colour, boolean dashed) {
        lines.add(new Series(name, x, y, colour, dashed, false));
        return this;
    }

    /** A line with a dot on every value (for short series, where a lone value would otherwise not show). */
    LineChart dottedLine(String name, double[] x, double[] y, String colour) {
        lines.add(new Series(name, x, y, colour, false, true));
        return this;
    }

    LineChart band(String name, double[] x, double[] lo, double[] hi, String colour) {
        bands.add(new Band(name, x, lo, hi, colour));
        return this;
    }

    LineChart level(String name, double y, String colour) {
        if (Double.isFinite(y)) {
            levels.add(new Level(name, y, colour));
        }
        return this;
    }

    LineChart marker(String name, double x, double y, String colour) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            markers.add(new Marker(name, x, y, colour));
        }
        return this;
    }

    /** The number of finite data values drawn (the browser test checks it matches the marks). */
    int points() {
        int n = 0;
        for (Series s : lines) {
            n += finite(s.y());
        }
        for (Band b : bands) {
            n += finite(b.hi());
        }
        return n + markers.size() + levels.size();
    }

    String svg() {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : lines) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    xMin = Math.min(xMin, s.x()[i]);
                    xMax = Math.max(xMax, s.x()[i]);
                    yMin = Math.min(yMin, s.y()[i]);
                    yMax = Math.max(yMax, s.y()[i]);
                }
            }
        }
        for (Band b : bands) {
            for (int i = 0; i < b.x().length; i++) {
                if (Double.isFinite(b.lo()[i]) && Double.isFinite(b.hi()[i])) {
                    xMin = Math.min(xMin, b.x()[i]);
                    xMax = Math.max(xMax, b.x()[i]);
                    yMin = Math.min(yMin, b.lo()[i]);
                    yMax = Math.max(yMax, b.hi()[i]);
                }
            }
        }
        for (Level l : levels) {
            yMin = Math.min(yMin, l.y());
            yMax = Math.max(yMax, l.y());
        }
        for (Marker m : markers) {
            xMin = Math.min(xMin, m.x());
            xMax = Math.max(xMax, m.x());
            yMin = Math.min(yMin, m.y());
            yMax = Math.max(yMax, m.y());
        }
        List<Axes.Entry> legend = new ArrayList<>();
        for (Band b : bands) {
            legend.add(new Axes.Entry(b.name(), b.colour(), Axes.Kind.BAND));
        }
        for (Series s : lines) {
            legend.add(new Axes.Entry(s.name(), s.colour(), s.dashed() ? Axes.Kind.DASHED : Axes.Kind.LINE));
        }
        for (Level l : levels) {
            legend.add(new Axes.Entry(l.name(), l.colour(), Axes.Kind.DASHED));
        }
        for (Marker m : markers) {
            legend.add(new Axes.Entry(m.name(), m.colour(), Axes.Kind.DOT));
        }
        Axes axes = new Axes(width, height, legend);
        int xTicks = Math.max(3, width / 120);
        Scale x = dates ? Scale.days(xMin, xMax, axes.left, axes.right, xTicks)
                : Scale.nice(xMin, xMax, axes.left, axes.right, xTicks);
        Scale y = Scale.nice(yMin, yMax, axes.bottom, axes.top, 5);
        Svg svg = new Svg().open(width, height, title, points());
        axes.draw(svg, title, xTitle, yTitle, x, y, dates, false, percent);
        for (Band b : bands) {
            svg.path(bandPath(b, x, y), "mark band", "fill:" + b.colour() + ";opacity:0.22");
        }
        for (Level l : levels) {
            double py = y.at(l.y());
            svg.line(axes.left, py, axes.right, py, "mark level",
                    "stroke:" + l.colour() + ";stroke-width:1.5;stroke-dasharray:6 4");
        }
        for (Series s : lines) {
            svg.path(linePath(s.x(), s.y(), x, y), "mark series", "fill:none;stroke:" + s.colour()
                    + ";stroke-width:2" + (s.dashed() ? ";stroke-dasharray:5 4" : ""));
            if (s.dots()) {
                for (int i = 0; i < s.x().length; i++) {
                    if (Double.isFinite(s.y()[i])) {
                        svg.circle(x.at(s.x()[i]), y.at(s.y()[i]), 3.5, "mark dot", "fill:" + s.colour(),
                                s.name() + " " + (dates ? Html.day((int) s.x()[i]) : Html.num(s.x()[i])) + ": "
                                        + Html.num(s.y()[i]));
                    }
                }
            }
        }
        for (Marker m : markers) {
            svg.circle(x.at(m.x()), y.at(m.y()), 5, "mark marker", "fill:" + m.colour() + ";stroke:#fff;stroke-width:1.5",
                    m.name() + ": " + Html.num(m.y()));
        }
        return svg.close().toString();
    }

    private static String linePath(double[] xs, double[] ys, Scale x, Scale y) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(ys[i])) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(Svg.f(x.at(xs[i]))).append(',').append(Svg.f(y.at(ys[i])));
            pen = true;
        }
        return d.length() == 0 ? "M0,0" : d.toString();
    }

    private static String bandPath(Band b, Scale x, Scale y) {
        StringBuilder d = new StringBuilder();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < b.x().length; i++) {
            if (Double.isFinite(b.lo()[i]) && Double.isFinite(b.hi()[i])) {
                idx.add(i);
            }
        }
        for (int j = 0; j < idx.size(); j++) {
            int i = idx.get(j);
            d.append(j == 0 ? 'M' : 'L').append(Svg.f(x.at(b.x()[i]))).append(',').append(Svg.f(y.at(b.hi()[i])));
        }
        for (int j = idx.size() - 1; j >= 0; j--) {
            int i = idx.get(j);
            d.append('L').append(Svg.f(x.at(b.x()[i]))).append(',').append(Svg.f(y.at(b.lo()[i])));
        }
        return d.length() == 0 ? "M0,0" : d.append('Z').toString();
    }

    private static int finite(double[] v) {
        int n = 0;
        for (double d : v) {
            n += Double.isFinite(d) ? 1 : 0;
        }
        return n;
    }
}
