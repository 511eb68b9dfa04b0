package sextant.app.html;

import java.util.ArrayList;
import java.util.List;

/** A linear map from data values to pixels, with round tick values. */
record Scale(double d0, double d1, double r0, double r1, double step) {

    /** A scale over [min, max] widened to round ticks (about {@code ticks} of them); a flat range is opened up. */
    static Scale nice(double min, double max, double r0, double r1, int ticks) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0;
            max = 1;
        }
        if (max - min < 1e-12 * Math.max(1, Math.abs(max))) {
            double pad = Math.abs(max) > 0 ? Math.abs(max) * 0.05 : 1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / Math.max(1, ticks));
        return new Scale(Math.floor(min / step) * step, Math.ceil(max / step) * step, r0, r1, step);
    }

    /** A scale over epoch days, not widened, with ticks on round day counts. */
    static Scale days(double min, double max, double r0, double r1, int ticks) {
        if (max <= min) {
            max = min + 1;
        }
        double raw = (max - min) / Math.max(1, ticks);
        double[] steps = {1, 2, 5, 7, 14, 30, 61, 91, 182, 365, 730};
        double step = steps[steps.length - 1];
        for (double s : steps) {
            if (s >= raw) {
                step = s;
                break;
            }
        }
        return new Scale(min, max, r0, r1, step);
    }

    static double niceStep(double raw) {
        if (raw <= 0 || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
    }

    double at(double v) {
        return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
    }

    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        // Each tick is an integer multiple of the step, not a running sum, so 0.1 stays 0.1.
        long first = (long) Math.ceil(d0 / step - 1e-9);
        long last = (long) Math.floor(d1 / step + 1e-9);
        for (long i = first; i <= last; i++) {
            out.add(Double.parseDouble(Html.tick(i * step, step).replace(",", "")));
        }
        return out;
    }
}
