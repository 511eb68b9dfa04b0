package sextant.app.html;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A small SVG writer: elements are appended as text, every attribute value escaped. */
final class Svg {
    private final StringBuilder sb = new StringBuilder();

    Svg open(int width, int height, String title, int points) {
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\" data-points=\"")
                .append(points).append("\">");
        return this;
    }

    Svg close() {
        sb.append("</svg>");
        return this;
    }

    Svg raw(String s) {
        sb.append(s);
        return this;
    }

    Svg text(double x, double y, String cls, String anchor, String text) {
        sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" class=\"").append(cls)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(Html.escape(text)).append("</text>");
        return this;
    }

    Svg rotatedText(double x, double y, String cls, String text) {
        sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" class=\"").append(cls)
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(f(x)).append(' ').append(f(y))
                .append(")\">").append(Html.escape(text)).append("</text>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cls, @Nullable String style) {
        sb.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                .append("\" y2=\"").append(f(y2)).append("\" class=\"").append(cls).append('"');
        style(style);
        sb.append("/>");
        return this;
    }

    /** A rectangle; {@code tip} (may be null) becomes a native hover tooltip. */
    Svg rect(double x, double y, double w, double h, String cls, @Nullable String style, @Nullable String tip) {
        sb.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(Math.max(0, w)))
                .append("\" height=\"").append(f(Math.max(0, h))).append("\" class=\"").append(cls).append('"');
        style(style);
        return tipOrEnd(tip, "rect");
    }

    Svg circle(double x, double y, double r, String cls, @Nullable String style, @Nullable String tip) {
        sb.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"").append(f(r))
                .append("\" class=\"").append(cls).append('"');
        style(style);
        return tipOrEnd(tip, "circle");
    }

    Svg path(String d, String cls, @Nullable String style) {
        sb.append("<path d=\"").append(d).append("\" class=\"").append(cls).append('"');
        style(style);
        sb.append("/>");
        return this;
    }

    private void style(@Nullable String style) {
        if (style != null && !style.isEmpty()) {
            sb.append(" style=\"").append(Html.escape(style)).append('"');
        }
    }

    private Svg tipOrEnd(@Nullable String tip, String tag) {
        if (tip == null) {
            sb.append("/>");
        } else {
            sb.append("><title>").append(Html.escape(tip)).append("</title></").append(tag).append('>');
        }
        return this;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
