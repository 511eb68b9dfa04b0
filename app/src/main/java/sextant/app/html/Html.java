package sextant.app.html;

import java.time.LocalDate;
import java.util.Locale;

/** Escaping and the number formats the report uses everywhere, so that the same quantity always reads the same. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A fraction as a percentage with the given decimals ("+1.23 %" style without the space). */
    static String pct(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%+." + decimals + "f%%", v * 100);
    }

    /** A number with thousands separators and a sensible number of decimals for its size. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (a >= 0.01 || a == 0) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A tick label: few digits, no trailing noise. */
    static String tick(double v, double step) {
        double a = Math.abs(step);
        int decimals = 0;
        while (decimals < 6 && Math.abs(a * Math.pow(10, decimals) - Math.rint(a * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        if (Math.abs(v) >= 10000 && a >= 1) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String day(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }
}
