package sextant.app.html;

/** One set of colours for every chart, so a series keeps its colour across the page. */
final class Palette {
    private static final String[] SERIES = {"#2563eb", "#ea580c", "#16a34a", "#9333ea", "#dc2626", "#0891b2",
        "#ca8a04", "#db2777", "#475569"};

    static final String UP = "#16a34a";
    static final String DOWN = "#dc2626";
    static final String MUTED = "#94a3b8";

    private Palette() {
    }

    static String series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /**
     * A diverging colour for {@code v} in [-limit, limit]: red below zero, white at zero, green above. Interpolates
     * in RGB between the three anchors, which is even enough for a table-like heat map.
     */
    static String diverging(double v, double limit) {
        if (!Double.isFinite(v)) {
            return "#f1f5f9";
        }
        double t = limit > 0 ? Math.max(-1, Math.min(1, v / limit)) : 0;
        int[] neg = {220, 38, 38};
        int[] pos = {22, 163, 74};
        int[] mid = {248, 250, 252};
        int[] to = t < 0 ? neg : pos;
        double a = Math.abs(t);
        int r = (int) Math.round(mid[0] + (to[0] - mid[0]) * a);
        int g = (int) Math.round(mid[1] + (to[1] - mid[1]) * a);
        int b = (int) Math.round(mid[2] + (to[2] - mid[2]) * a);
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** Dark text on light cells, white on strong ones. */
    static String textOn(double v, double limit) {
        return Double.isFinite(v) && limit > 0 && Math.abs(v) / limit > 0.6 ? "#ffffff" : "#0f172a";
    }
}
